package org.teletherapy.deploy.kubernetes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** No secret is in git or in the rendered manifests; each is referenced, and what refers to one finds it provided. */
class SecretsTest {

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theRenderedManifestsHoldNoSecret(Overlay overlay) {
        assertThat(SecretChecks.renderedViolations(overlay.rendered())).isEmpty();
    }

    @Test
    void noFileUnderDeployKubernetesHoldsASecret() {
        assertThat(SecretChecks.sourceViolations(Repository.manifests())).isEmpty();
    }

    @Test
    void aSecretWithDataIsRefused() {
        RenderedManifests rendered = Overlay.PRODUCTION.rendered().with(Manifest.of(Map.of("apiVersion", "v1",
                "kind", "Secret", "metadata", Map.of("name", "handmade", "namespace", "teletherapy"),
                "stringData", Map.of("password", "correct horse battery staple"))));

        assertThat(SecretChecks.renderedViolations(rendered)).containsExactly("Secret/handmade: a Secret in the "
                + "manifests; secrets come from the secret store (ExternalSecret) or from the operators, never from git");
    }

    @Test
    void aPasswordWrittenIntoAnEnvironmentVariableOrAConfigMapIsRefused() {
        RenderedManifests rendered = Overlay.PRODUCTION.rendered();
        Manifest web = Edits.edited(rendered.get("Deployment", "web"), document ->
                Edits.mapAt(document, "spec", "template", "spec", "containers", 0)
                        .put("env", List.of(Map.of("name", "TELETHERAPY_WEB_CLIENT_SECRET", "value", "s3cr3t"))));
        Manifest config = Edits.edited(rendered.get("ConfigMap", OperatorChecks.platformConfigName(rendered)),
                document -> Edits.mapAt(document, "data").put("SPRING_MAIL_PASSWORD", "hunter2"));

        assertThat(SecretChecks.renderedViolations(rendered.replacing(web).replacing(config)))
                .anySatisfy(problem -> assertThat(problem).isEqualTo(
                        "Deployment/web: TELETHERAPY_WEB_CLIENT_SECRET is written out; take it from a secret"))
                .anySatisfy(problem -> assertThat(problem).endsWith(": SPRING_MAIL_PASSWORD looks secret; ConfigMaps are "
                        + "readable by anyone who may read the namespace"));
    }

    @Test
    void aSecretFileLeftInTheTreeIsFound(@TempDir Path tree) throws IOException {
        Files.writeString(tree.resolve("forgotten.yaml"), """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: forgotten
                data:
                  password: aHVudGVyMg==
                """);
        Files.writeString(tree.resolve("local.env"), "SPRING_R2DBC_PASSWORD=hunter2\n");
        Files.writeString(tree.resolve("keyset.yaml"), "keyset: '{\"primaryKeyId\": 1, \"key\": []}'\n");

        assertThat(SecretChecks.sourceViolations(tree)).containsExactlyInAnyOrder(
                "forgotten.yaml: a Secret with data in git",
                "local.env: SPRING_R2DBC_PASSWORD looks secret",
                "keyset.yaml: holds something that looks like a key or a password");
    }
}
