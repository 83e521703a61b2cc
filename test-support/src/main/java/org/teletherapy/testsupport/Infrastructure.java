package org.teletherapy.testsupport;

/**
 * Real PostgreSQL, Kafka and Keycloak for tests, started once per test JVM and shared by every test in it.
 * Embedded (no Docker: zonky PostgreSQL, an in-JVM KRaft broker, the Keycloak distribution as a child process) or
 * Testcontainers when a Docker engine is present; {@code -Dtest.infra=embedded|containers|auto} chooses.
 */
public interface Infrastructure {

    /** A database of its own for {@code name}, created on first use, with a login role of the same name. */
    DatabaseEndpoint database(String name);

    KafkaEndpoint kafka();

    KeycloakEndpoint keycloak();

    static Infrastructure shared() {
        return SharedInfrastructure.get();
    }

    record DatabaseEndpoint(String r2dbcUrl, String jdbcUrl, String username, String password) {
    }

    interface KafkaEndpoint {

        String bootstrapServers();

        /** Takes the broker away (clients see it as down) until {@link #start()}. */
        void stop();

        void start();
    }
}
