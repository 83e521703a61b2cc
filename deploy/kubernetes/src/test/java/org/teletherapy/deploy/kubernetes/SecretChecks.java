package org.teletherapy.deploy.kubernetes;

import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1EnvVar;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Nothing secret in git and nothing secret in what is rendered: no Secret with data, no secret-looking value in an
 * environment variable or a ConfigMap. Secrets are only ever referenced (ExternalSecrets, operators' secrets).
 */
final class SecretChecks {

    /** Names that say "secret": such a setting must come from a secret, never be written out. */
    static final Pattern SECRET_NAME = Pattern.compile(
            "(?i).*(password|passwd|secret|token|credential|jaas|api[_-]?key|private[_-]?key|access[_-]?key).*");

    /** Values that are secrets whatever their name. */
    static final Pattern SECRET_VALUE = Pattern.compile(
            "(?is).*(-----BEGIN [A-Z ]*PRIVATE KEY-----|password\\s*=\\s*\"[^\"$]|LoginModule\\s+required|"
                    + "\"primaryKeyId\"|AKIA[0-9A-Z]{16}).*");

    static List<String> renderedViolations(RenderedManifests rendered) {
        List<String> problems = new ArrayList<>();
        for (Manifest manifest : rendered.all()) {
            if (manifest.kind().equals("Secret")) {
                problems.add(manifest.id() + ": a Secret in the manifests; secrets come from the secret store "
                        + "(ExternalSecret) or from the operators, never from git");
            }
        }
        for (V1Deployment deployment : rendered.models(V1Deployment.class)) {
            for (V1Container container : deployment.getSpec().getTemplate().getSpec().getContainers()) {
                for (V1EnvVar variable : container.getEnv() == null ? List.<V1EnvVar>of() : container.getEnv()) {
                    if (variable.getValue() != null && (SECRET_NAME.matcher(variable.getName()).matches()
                            || SECRET_VALUE.matcher(variable.getValue()).matches())) {
                        problems.add("Deployment/" + deployment.getMetadata().getName() + ": " + variable.getName()
                                + " is written out; take it from a secret");
                    }
                }
            }
        }
        for (V1ConfigMap configMap : rendered.models(V1ConfigMap.class)) {
            Map<String, String> data = configMap.getData() == null ? Map.of() : configMap.getData();
            data.forEach((key, value) -> {
                if (SECRET_NAME.matcher(key).matches() || SECRET_VALUE.matcher(value).matches()) {
                    problems.add("ConfigMap/" + configMap.getMetadata().getName() + ": " + key
                            + " looks secret; ConfigMaps are readable by anyone who may read the namespace");
                }
            });
        }
        return problems;
    }

    /** Every YAML and env file under deploy/kubernetes, including any that no kustomization uses. */
    static List<String> sourceViolations(Path directory) {
        List<String> problems = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(file -> !file.toString().contains("/target/") && !file.toString().contains("/src/test/"))
                    .filter(file -> file.toString().matches(".*\\.(ya?ml|env)$"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Path file : files) {
            String text = Repository.read(file);
            Path name = directory.relativize(file);
            if (file.toString().endsWith(".env")) {
                for (String line : text.split("\n")) {
                    String trimmed = line.trim();
                    if (trimmed.isEmpty() || trimmed.startsWith("#") || !trimmed.contains("=")) {
                        continue;
                    }
                    String key = trimmed.substring(0, trimmed.indexOf('='));
                    String value = trimmed.substring(trimmed.indexOf('=') + 1);
                    if (SECRET_NAME.matcher(key).matches() || SECRET_VALUE.matcher(value).matches()) {
                        problems.add(name + ": " + key + " looks secret");
                    }
                }
                continue;
            }
            for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(text)) {
                if (document instanceof Map<?, ?> map && "Secret".equals(map.get("kind"))
                        && (map.containsKey("data") || map.containsKey("stringData"))) {
                    problems.add(name + ": a Secret with data in git");
                }
            }
            if (SECRET_VALUE.matcher(text).matches()) {
                problems.add(name + ": holds something that looks like a key or a password");
            }
        }
        return problems;
    }

    private SecretChecks() {
    }
}
