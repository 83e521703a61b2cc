package org.teletherapy.deploy.kubernetes;

import io.kubernetes.client.openapi.models.V1Deployment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every overlay renders with a real kustomize, and every document it renders is a valid object of its kind: built-in
 * kinds as the Kubernetes client's models read them (strictly), the operators' kinds known by their API group.
 */
class ManifestParsingTest {

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyRenderedDocumentIsAValidObjectOfItsKind(Overlay overlay) {
        RenderedManifests rendered = overlay.rendered();

        assertThat(rendered.all()).hasSizeGreaterThan(50);
        assertThat(rendered.all()).allSatisfy(manifest -> assertThat(manifest.body().get("metadata"))
                .as(manifest.id()).isNotNull());
        assertThat(rendered.models(V1Deployment.class)).hasSize(6);
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everythingLandsInTheTeletherapyNamespace(Overlay overlay) {
        assertThat(overlay.rendered().all())
                .filteredOn(manifest -> !manifest.kind().equals("Namespace"))
                .allSatisfy(manifest -> assertThat(manifest.at("metadata", "namespace")).as(manifest.id())
                        .contains("teletherapy"));
    }

    @Test
    void aFieldTheModelDoesNotHaveIsRefused() {
        assertThatThrownBy(() -> RenderedManifests.read(DEPLOYMENT.replace("      containers:",
                "      containerz: []\n      containers:")))
                .isInstanceOf(ManifestRefusedException.class)
                .hasMessageContaining("Deployment/broken")
                .hasMessageContaining("containerz");
    }

    @Test
    void aFieldMisplacedOneLevelDeepIsRefused() {
        // "image" belongs to the container, not to the pod spec: a slip of indentation that kubectl would also refuse.
        assertThatThrownBy(() -> RenderedManifests.read(DEPLOYMENT.replace("      containers:",
                "      image: ghcr.io/teletherapy/gateway:0.1.0\n      containers:")))
                .isInstanceOf(ManifestRefusedException.class)
                .hasMessageContaining("image");
    }

    @Test
    void aMissingRequiredFieldIsRefused() {
        // A container must have a name.
        assertThatThrownBy(() -> RenderedManifests.read(DEPLOYMENT.replace("        - name: gateway\n          image",
                "        - image")))
                .isInstanceOf(ManifestRefusedException.class)
                .hasMessageContaining("name");
    }

    @Test
    void aKindTheClientDoesNotKnowIsRefused() {
        assertThatThrownBy(() -> RenderedManifests.read(DEPLOYMENT.replace("apiVersion: apps/v1", "apiVersion: apps/v2")))
                .isInstanceOf(ManifestRefusedException.class)
                .hasMessageContaining("no model of apps/v2 Deployment");
    }

    @Test
    void aValidDocumentIsRead() {
        assertThat(RenderedManifests.read(DEPLOYMENT).models(V1Deployment.class))
                .singleElement()
                .satisfies(deployment -> assertThat(deployment.getSpec().getTemplate().getSpec().getContainers())
                        .singleElement().satisfies(container -> assertThat(container.getName()).isEqualTo("gateway")));
    }

    private static final String DEPLOYMENT = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: broken
            spec:
              selector:
                matchLabels:
                  app.kubernetes.io/name: gateway
              template:
                metadata:
                  labels:
                    app.kubernetes.io/name: gateway
                spec:
                  containers:
                    - name: gateway
                      image: ghcr.io/teletherapy/gateway:0.1.0
            """;
}
