package org.teletherapy.deploy.kubernetes;

import java.util.Map;
import java.util.TreeMap;

/**
 * The secrets that exist in a running cluster without being in git, and who makes each: the External Secrets
 * operator (from an ExternalSecret), CloudNativePG (a cluster's application credentials and its CA), Strimzi (a
 * KafkaUser's password, the cluster CA's certificate) and the Keycloak Operator (the first admin login). A workload may
 * refer to these and to nothing else.
 */
final class ProvidedSecrets {

    /** Secret name, and what provides it. */
    static Map<String, String> in(RenderedManifests rendered) {
        Map<String, String> provided = new TreeMap<>();
        rendered.ofKind("ExternalSecret").forEach(secret -> provided.put(
                Documents.string(secret.body(), "spec", "target", "name").orElse(secret.name()),
                "ExternalSecret/" + secret.name()));
        rendered.ofKind("Cluster").filter(cluster -> cluster.group().equals("postgresql.cnpg.io")).forEach(cluster -> {
            provided.put(cluster.name() + "-app", "CloudNativePG Cluster/" + cluster.name() + " (owner credentials)");
            provided.put(cluster.name() + "-ca", "CloudNativePG Cluster/" + cluster.name() + " (CA)");
        });
        rendered.ofKind("KafkaUser").forEach(user -> provided.put(user.name(), "Strimzi KafkaUser/" + user.name()));
        rendered.ofKind("Kafka").forEach(kafka -> provided.put(kafka.name() + "-cluster-ca-cert",
                "Strimzi Kafka/" + kafka.name() + " (cluster CA certificate)"));
        rendered.ofKind("Keycloak").forEach(keycloak -> provided.put(keycloak.name() + "-initial-admin",
                "Keycloak Operator Keycloak/" + keycloak.name()));
        return provided;
    }

    private ProvidedSecrets() {
    }
}
