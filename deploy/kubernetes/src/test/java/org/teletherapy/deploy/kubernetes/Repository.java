package org.teletherapy.deploy.kubernetes;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Files of the repository the manifests must agree with: the applications' settings, the realm template. */
final class Repository {

    /** The repository's root: the build passes it (teletherapy.root); from an IDE, the module's grandparent. */
    static Path root() {
        String configured = System.getProperty("teletherapy.root");
        Path root = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of("").toAbsolutePath().getParent().getParent();
        if (!Files.isRegularFile(root.resolve("deploy/kubernetes/pom.xml"))) {
            throw new IllegalStateException("not the repository's root: " + root);
        }
        return root.toAbsolutePath().normalize();
    }

    static Path manifests() {
        return root().resolve("deploy/kubernetes");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A module's application.yml, as a map. */
    static Map<String, Object> applicationYaml(String module) {
        Object loaded = new Yaml(new SafeConstructor(new LoaderOptions()))
                .load(read(root().resolve(module).resolve("src/main/resources/application.yml")));
        @SuppressWarnings("unchecked")
        Map<String, Object> settings = (Map<String, Object>) loaded;
        return settings;
    }

    /**
     * A setting of a module's application.yml, written nested ({@code management: server: port:}) or as one dotted
     * key ({@code management.server.port:}), as the modules do both.
     */
    static Optional<Object> setting(String module, String dottedName) {
        return setting(applicationYaml(module), dottedName);
    }

    private static Optional<Object> setting(Map<String, Object> node, String dottedName) {
        if (node.containsKey(dottedName)) {
            return Optional.ofNullable(node.get(dottedName));
        }
        String[] parts = dottedName.split("\\.");
        for (int i = 1; i < parts.length; i++) {
            String head = String.join(".", java.util.Arrays.copyOfRange(parts, 0, i));
            if (node.get(head) instanceof Map<?, ?> child) {
                @SuppressWarnings("unchecked")
                Map<String, Object> next = (Map<String, Object>) child;
                Optional<Object> found = setting(next, String.join(".",
                        java.util.Arrays.copyOfRange(parts, i, parts.length)));
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private Repository() {
    }
}
