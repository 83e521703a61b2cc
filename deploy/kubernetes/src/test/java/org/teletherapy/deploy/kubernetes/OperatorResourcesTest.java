package org.teletherapy.deploy.kubernetes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Strimzi's, CloudNativePG's, the Keycloak Operator's and the External Secrets operator's resources, field by field:
 * Kafka's brokers and replication, a topic per topic and dead-letter topic, ACLs exactly as the code needs them,
 * consumers capped at the partitions, a replicated and backed-up database per service, Keycloak on its own database
 * with the production realm.
 */
class OperatorResourcesTest {

    private static final RenderedManifests PRODUCTION = Overlay.PRODUCTION.rendered();

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void kafkaIsReplicatedAuthenticatedAndAuthorised(Overlay overlay) {
        assertThat(OperatorChecks.kafka(overlay.rendered(), overlay == Overlay.PRODUCTION)).isEmpty();
        assertThat(OperatorChecks.topics(overlay.rendered(), overlay == Overlay.PRODUCTION)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void eachKafkaClientMayDoExactlyWhatItsCodeDoes(Overlay overlay) {
        assertThat(OperatorChecks.users(overlay.rendered())).isEmpty();
        assertThat(OperatorChecks.consumerScaling(overlay.rendered())).isEmpty();
    }

    @Test
    void theCodesEventFlowsAreWhatTheDesignSays() {
        // A guard on the source scan itself: if it found nothing, the ACL check above would compare empty sets.
        Map<String, EventFlows.ServiceEvents> flows = EventFlows.ofApplications();
        assertThat(flows.get("sessions-service").publishes()).containsExactly("teletherapy.sessions.v1");
        assertThat(flows.get("sessions-service").handledTopics()).containsExactly("teletherapy.erasure.v1");
        assertThat(flows.get("notes-service").publishes()).containsExactly("teletherapy.erasure.v1", "teletherapy.notes.v1");
        assertThat(flows.get("notes-service").handledTopics()).containsExactly("teletherapy.sessions.v1");
        assertThat(flows.get("exercises-service").publishes())
                .containsExactly("teletherapy.erasure.v1", "teletherapy.exercises.v1");
        assertThat(flows.get("exercises-service").handledTopics()).containsExactly("teletherapy.sessions.v1");
        assertThat(flows.get("notifications-service").handledTopics())
                .containsExactlyInAnyOrder("teletherapy.sessions.v1", "teletherapy.exercises.v1");
        assertThat(flows.get("notifications-service").publishes()).containsExactly("teletherapy.erasure.v1");
        assertThat(flows.get("web").listenedTopics()).containsExactly("teletherapy.exercises.v1");
        assertThat(flows.get("web").listenerGroupPrefix()).contains("web-live-");
        assertThat(flows.get("gateway").consumedTopics()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void eachServiceHasItsOwnDatabase(Overlay overlay) {
        assertThat(OperatorChecks.postgres(overlay.rendered(), overlay == Overlay.PRODUCTION)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void keycloakRunsTheProductionRealm(Overlay overlay) {
        assertThat(OperatorChecks.keycloak(overlay.rendered(), overlay == Overlay.PRODUCTION)).isEmpty();
        assertThat(OperatorChecks.realmImport(overlay.rendered())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void externalSecretsNameAStoreATargetAndRemoteKeys(Overlay overlay) {
        assertThat(OperatorChecks.externalSecrets(overlay.rendered())).isEmpty();
    }

    @Test
    void aSingleReplicaKafkaIsRefusedInProduction() {
        Manifest kafka = Edits.edited(PRODUCTION.get("Kafka", "teletherapy"), document ->
                Edits.mapAt(document, "spec", "kafka", "config").put("default.replication.factor", 1));
        Manifest brokers = Edits.edited(PRODUCTION.get("KafkaNodePool", "brokers"), document ->
                Edits.mapAt(document, "spec").put("replicas", 2));

        assertThat(OperatorChecks.kafka(PRODUCTION.replacing(kafka).replacing(brokers), true))
                .contains("Kafka/teletherapy: default.replication.factor is 1, not 3",
                        "Kafka/teletherapy: 2 brokers, not 3");
    }

    @Test
    void aMissingDeadLetterTopicIsRefused() {
        assertThat(OperatorChecks.topics(PRODUCTION.without("KafkaTopic", "teletherapy.exercises.v1.dlt"), true))
                .singleElement().satisfies(problem -> assertThat(problem).contains("not the platform's topics"));
    }

    @Test
    void anAclBeyondWhatTheCodeNeedsIsRefused() {
        Manifest notes = Edits.edited(PRODUCTION.get("KafkaUser", "notes-service"), document -> {
            List<Object> acls = new ArrayList<>(Documents.list(document, "spec", "authorization", "acls"));
            acls.add(Map.of("resource", Map.of("type", "topic", "name", "teletherapy.sessions.v1", "patternType", "literal"),
                    "operations", List.of("Write"), "host", "*"));
            Edits.mapAt(document, "spec", "authorization").put("acls", acls);
        });

        assertThat(OperatorChecks.users(PRODUCTION.replacing(notes)))
                .singleElement().satisfies(problem -> assertThat(problem)
                        .startsWith("KafkaUser/notes-service: may ").contains("Write topic teletherapy.sessions.v1,"));
    }

    @Test
    void moreConsumersThanPartitionsAreRefused() {
        Manifest autoscaler = Edits.edited(PRODUCTION.get("HorizontalPodAutoscaler", "notifications-service"),
                document -> Edits.mapAt(document, "spec").put("maxReplicas", 12));

        assertThat(OperatorChecks.consumerScaling(PRODUCTION.replacing(autoscaler)))
                .contains("HorizontalPodAutoscaler/notifications-service: up to 12 consumers in group "
                        + "notifications-service, but teletherapy.sessions.v1 has 6 partitions");
    }

    @Test
    void aDatabaseWithoutSynchronousReplicaOrBackupIsRefusedInProduction() {
        Manifest notes = Edits.edited(PRODUCTION.get("Cluster", "notes-db"), document -> {
            Edits.mapAt(document, "spec").put("instances", 1);
            Edits.mapAt(document, "spec", "postgresql").remove("synchronous");
        });
        RenderedManifests broken = PRODUCTION.replacing(notes).without("ScheduledBackup", "notes-db-daily");

        assertThat(OperatorChecks.postgres(broken, true)).contains(
                "Cluster/notes-db: 1 instances, not 3",
                "Cluster/notes-db: no synchronous replica that every commit waits for (spec.postgresql.synchronous: {})",
                "Cluster/notes-db: no ScheduledBackup through the plugin (six-field schedule)");
    }

    @Test
    void aDemoUserInTheRealmIsRefused() {
        Manifest realmImport = Edits.edited(PRODUCTION.get("KeycloakRealmImport", "teletherapy"), document -> {
            List<Object> users = new ArrayList<>(Documents.list(document, "spec", "realm", "users"));
            users.add(Map.of("username", "client1", "enabled", true,
                    "credentials", List.of(Map.of("type", "password", "value", "demo"))));
            Edits.mapAt(document, "spec", "realm").put("users", users);
        });

        assertThat(OperatorChecks.realmImport(PRODUCTION.replacing(realmImport)))
                .anySatisfy(problem -> assertThat(problem).contains("imports the user client1"))
                .anySatisfy(problem -> assertThat(problem).contains("differs from keycloak/teletherapy-realm.production-template.json"));
    }

    @Test
    void aRedirectToAnotherHostIsRefused() {
        Manifest realmImport = Edits.edited(PRODUCTION.get("KeycloakRealmImport", "teletherapy"), document ->
                Edits.mapAt(document, "spec", "realm", "clients", 0).put("redirectUris", List.of("https://elsewhere.example/*")));

        assertThat(OperatorChecks.realmImport(PRODUCTION.replacing(realmImport)))
                .anySatisfy(problem -> assertThat(problem).contains("are not the platform's host"));
    }

    @Test
    void anIssuerThatDiffersFromKeycloaksHostnameIsRefused() {
        Manifest keycloak = Edits.edited(PRODUCTION.get("Keycloak", "keycloak"), document ->
                Edits.mapAt(document, "spec", "hostname").put("hostname", "https://login.example.org"));

        assertThat(OperatorChecks.keycloak(PRODUCTION.replacing(keycloak), true))
                .anySatisfy(problem -> assertThat(problem).contains("is not its Ingress's"))
                .anySatisfy(problem -> assertThat(problem).contains("is not Keycloak's issuer"));
    }
}
