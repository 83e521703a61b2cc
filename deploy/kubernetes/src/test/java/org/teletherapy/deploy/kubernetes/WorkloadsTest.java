package org.teletherapy.deploy.kubernetes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each application's Deployment: probes on the health groups and the management port, requests and limits, a locked
 * down security context, a PodDisruptionBudget, a HorizontalPodAutoscaler, a Service, spread across zones, its
 * configuration from ConfigMaps, secrets only from what an operator provides, and a pinned image.
 */
class WorkloadsTest {

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyApplicationRunsAsPolicyWants(Overlay overlay) {
        assertThat(WorkloadChecks.violations(overlay.rendered())).isEmpty();
    }

    @Test
    void productionRunsAtLeastTwoOfEveryApplication() {
        assertThat(WorkloadChecks.productionViolations(Overlay.PRODUCTION.rendered())).isEmpty();
    }

    @Test
    void theDevOverlayIsAllowedOneInstance() {
        assertThat(WorkloadChecks.productionViolations(Overlay.DEV.rendered()))
                .anySatisfy(problem -> assertThat(problem).contains("at least 2 instances"));
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void noImageIsLatestOrUntagged(Overlay overlay) {
        assertThat(overlay.rendered().all()).allSatisfy(manifest -> {
            for (Object image : images(manifest.body())) {
                assertThat(WorkloadChecks.imageViolations(manifest.id(), String.valueOf(image))).isEmpty();
            }
        });
    }

    @Test
    void aLatestImageIsRefused() {
        RenderedManifests broken = withGatewayContainer(container ->
                container.put("image", "ghcr.io/teletherapy/gateway:latest"));

        assertThat(WorkloadChecks.violations(broken)).anySatisfy(problem -> assertThat(problem).contains(":latest"));
        assertThat(WorkloadChecks.imageViolations("x", "ghcr.io/teletherapy/gateway")).isNotEmpty();
        assertThat(WorkloadChecks.imageViolations("x", "localhost:5000/gateway")).isNotEmpty();
        assertThat(WorkloadChecks.imageViolations("x", "localhost:5000/gateway:0.1.0")).isEmpty();
    }

    @Test
    void aMissingReadinessProbeIsRefused() {
        RenderedManifests broken = withGatewayContainer(container -> container.remove("readinessProbe"));

        assertThat(WorkloadChecks.violations(broken))
                .anySatisfy(problem -> assertThat(problem).contains("no readiness probe"));
    }

    @Test
    void aProbeOnThePublicPortIsRefused() {
        RenderedManifests broken = withGatewayContainer(container ->
                Edits.mapAt(container, "livenessProbe", "httpGet").put("port", "http"));

        assertThat(WorkloadChecks.violations(broken))
                .anySatisfy(problem -> assertThat(problem).contains("not the management port 9080"));
    }

    @Test
    void aMemoryLimitBelowTheJvmsOwnCapsIsRefused() {
        RenderedManifests broken = withGatewayContainer(container ->
                Edits.mapAt(container, "resources", "limits").put("memory", "384Mi"));

        assertThat(WorkloadChecks.violations(broken))
                .anySatisfy(problem -> assertThat(problem).contains("beyond the JVM's own caps"));
    }

    @Test
    void aWritableRootFileSystemIsRefused() {
        RenderedManifests broken = withGatewayContainer(container ->
                Edits.mapAt(container, "securityContext").put("readOnlyRootFilesystem", false));

        assertThat(WorkloadChecks.violations(broken))
                .anySatisfy(problem -> assertThat(problem).contains("root file system is writable"));
    }

    @Test
    void aDeploymentWithoutDisruptionBudgetOrAutoscalerIsRefused() {
        RenderedManifests rendered = Overlay.PRODUCTION.rendered();

        assertThat(WorkloadChecks.violations(rendered.without("PodDisruptionBudget", "web")))
                .anySatisfy(problem -> assertThat(problem).contains("Deployment/web: 0 PodDisruptionBudgets"));
        assertThat(WorkloadChecks.violations(rendered.without("HorizontalPodAutoscaler", "web")))
                .anySatisfy(problem -> assertThat(problem).contains("Deployment/web: no autoscaling/v2"));
    }

    @Test
    void aSelectorThatMissesItsPodsIsRefused() {
        RenderedManifests rendered = Overlay.PRODUCTION.rendered();
        Manifest deployment = Edits.edited(rendered.get("Deployment", "notes-service"), document ->
                Edits.mapAt(document, "spec", "selector", "matchLabels").put("app.kubernetes.io/name", "notes"));

        assertThat(WorkloadChecks.violations(rendered.replacing(deployment)))
                .anySatisfy(problem -> assertThat(problem).contains("does not select its own pod template's labels"));
    }

    @Test
    void aSecretNothingProvidesIsRefused() {
        RenderedManifests broken = withGatewayContainer(container -> container.put("env", java.util.List.of(Map.of(
                "name", "SOMETHING", "valueFrom", Map.of("secretKeyRef", Map.of("name", "hand-made", "key", "x"))))));

        assertThat(WorkloadChecks.violations(broken))
                .anySatisfy(problem -> assertThat(problem).contains("refers to secret hand-made"));
    }

    private static RenderedManifests withGatewayContainer(java.util.function.Consumer<Map<String, Object>> edit) {
        RenderedManifests rendered = Overlay.PRODUCTION.rendered();
        Manifest gateway = Edits.edited(rendered.get("Deployment", "gateway"), document ->
                edit.accept(Edits.mapAt(document, "spec", "template", "spec", "containers", 0)));
        return rendered.replacing(gateway);
    }

    /** Every "image" anywhere in a document (Deployments, and the operators' image fields). */
    private static java.util.List<Object> images(Object node) {
        java.util.List<Object> found = new java.util.ArrayList<>();
        if (node instanceof Map<?, ?> map) {
            map.forEach((key, value) -> {
                if (("image".equals(key) || "imageName".equals(key)) && value instanceof String) {
                    found.add(value);
                } else {
                    found.addAll(images(value));
                }
            });
        } else if (node instanceof java.util.List<?> list) {
            list.forEach(item -> found.addAll(images(item)));
        }
        return found;
    }
}
