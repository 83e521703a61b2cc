package org.teletherapy.deploy.kubernetes;

import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The NetworkPolicies, evaluated: everything is denied unless allowed, the platform's own flows are allowed, and the
 * ways around them (past the gateway, into another service's database, to the internet, from an undeclared pod) are
 * not.
 */
class NetworkPoliciesTest {

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everythingIsDeniedUnlessAPolicyAllowsIt(Overlay overlay) {
        assertThat(overlay.rendered().models(V1NetworkPolicy.class))
                .anySatisfy(policy -> {
                    assertThat(Labels.isEmpty(policy.getSpec().getPodSelector())).as("selects every pod").isTrue();
                    assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
                    assertThat(policy.getSpec().getIngress()).isNullOrEmpty();
                    assertThat(policy.getSpec().getEgress()).isNullOrEmpty();
                });
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void thePlatformsFlowsAndNoOthersAreAllowed(Overlay overlay) {
        assertThat(new NetworkPolicyChecks(overlay.rendered()).violations()).isEmpty();
    }

    @Test
    void withoutTheDefaultDenyTheWaysAroundAreOpen() {
        RenderedManifests open = Overlay.PRODUCTION.rendered().without("NetworkPolicy", "default-deny");

        assertThat(new NetworkPolicyChecks(open).violations())
                .containsExactly("allowed, but must not be: a pod of another namespace -> a pod nobody declared:8080/TCP");
    }

    @Test
    void aPolicyThatAdmitsEveryoneIsCaught() {
        RenderedManifests rendered = Overlay.PRODUCTION.rendered();
        Manifest everyone = Edits.edited(rendered.get("NetworkPolicy", "notes-db"), document ->
                Edits.mapAt(document, "spec", "ingress", 0).remove("from"));

        assertThat(new NetworkPolicyChecks(rendered.replacing(everyone)).violations())
                .containsExactly("allowed, but must not be: a pod of another namespace -> database notes-db:5432/TCP");
    }

    @Test
    void aKafkaListenerWithoutPeersIsOpenToAnyPod() {
        RenderedManifests rendered = Overlay.PRODUCTION.rendered();
        Manifest kafka = Edits.edited(rendered.get("Kafka", "teletherapy"), document ->
                Edits.mapAt(document, "spec", "kafka", "listeners", 0).remove("networkPolicyPeers"));

        assertThat(new NetworkPolicyChecks(rendered.replacing(kafka)).violations())
                .containsExactly("allowed, but must not be: a pod of another namespace -> a Kafka broker:9093/TCP");
    }

    @Test
    void aMissingFlowIsCaught() {
        RenderedManifests rendered = Overlay.PRODUCTION.rendered();
        Manifest gateway = Edits.edited(rendered.get("NetworkPolicy", "gateway"), document -> {
            List<Object> egress = Documents.list(document, "spec", "egress");
            egress.removeIf(rule -> Documents.list(rule, "to").stream().anyMatch(peer ->
                    Map.of("app.kubernetes.io/name", "web").equals(Documents.map(peer, "podSelector", "matchLabels"))));
        });

        assertThat(new NetworkPolicyChecks(rendered.replacing(gateway)).violations())
                .containsExactly("refused, but needed: gateway -> web:8085/TCP");
    }
}
