package org.teletherapy.testsupport;

import org.teletherapy.devstack.KafkaBroker;
import org.teletherapy.devstack.KeycloakDistribution;
import org.teletherapy.devstack.KeycloakServer;
import org.teletherapy.devstack.Ports;
import org.teletherapy.devstack.PostgresServer;
import org.teletherapy.devstack.RealmImporter;
import org.teletherapy.devstack.Secrets;
import org.teletherapy.devstack.Workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The no-Docker path: the same launchers the devstack uses, on free ports, with throw-away data.
 * Each component starts on first use and stops when the JVM exits.
 */
final class EmbeddedInfrastructure implements Infrastructure {

    private final Secrets secrets = Secrets.random();
    private final Map<String, DatabaseEndpoint> databases = new HashMap<>();
    private final Path workDirectory;
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private KeycloakEndpoint keycloak;
    /** A Keycloak that failed to start fails every later test at once instead of being retried for minutes. */
    private RuntimeException keycloakFailure;

    EmbeddedInfrastructure() {
        try {
            workDirectory = Files.createTempDirectory("teletherapy-test-infra");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "test-infra-shutdown"));
    }

    /** Component logs go next to the module's surefire reports, out of the test output. */
    private static Path logDirectory() {
        return Path.of("target", "test-infra").toAbsolutePath();
    }

    @Override
    public synchronized DatabaseEndpoint database(String name) {
        return databases.computeIfAbsent(name, this::createDatabase);
    }

    private DatabaseEndpoint createDatabase(String name) {
        PostgresServer server = postgres();
        String password = secrets.get("db." + name);
        server.ensureDatabase(name, password);
        return new DatabaseEndpoint(server.r2dbcUrl(name), server.jdbcUrl(name), name, password);
    }

    private synchronized PostgresServer postgres() {
        if (postgres == null) {
            try {
                postgres = PostgresServer.start(Ports.free(), null, logDirectory().resolve("postgres.log"));
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }
        return postgres;
    }

    @Override
    public synchronized KafkaEndpoint kafka() {
        if (kafka == null) {
            try {
                kafka = KafkaBroker.start(Ports.free(), Ports.free(), workDirectory.resolve("kafka"));
            } catch (IOException e) {
                throw new UncheckedIOException("embedded Kafka did not start", e);
            }
        }
        KafkaBroker broker = kafka;
        return new KafkaEndpoint() {
            @Override
            public String bootstrapServers() {
                return broker.bootstrapServers();
            }

            @Override
            public void stop() {
                broker.stop();
            }

            @Override
            public void start() {
                try {
                    broker.start();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        };
    }

    @Override
    public synchronized KeycloakEndpoint keycloak() {
        if (keycloakFailure != null) {
            throw new IllegalStateException("Keycloak did not start earlier in this JVM", keycloakFailure);
        }
        if (keycloak == null) {
            try {
                keycloak = startKeycloak();
            } catch (RuntimeException e) {
                keycloakFailure = e;
                throw e;
            }
        }
        return keycloak;
    }

    private KeycloakEndpoint startKeycloak() {
        PostgresServer server = postgres();
        server.ensureDatabase("keycloak", secrets.get("db.keycloak"));
        Workspace workspace = Workspace.detect();
        KeycloakServer keycloakServer = KeycloakServer.launch(KeycloakDistribution.in(workspace), new KeycloakServer.Settings(
                Ports.free(), Ports.free(), server.jdbcUrl("keycloak"), "keycloak", secrets.get("db.keycloak"),
                secrets.get("keycloak.admin"), workDirectory.resolve("keycloak"), logDirectory().resolve("keycloak.log")));
        Runtime.getRuntime().addShutdownHook(new Thread(keycloakServer::close, "keycloak-shutdown"));
        keycloakServer.awaitReady(Duration.ofMinutes(5), seconds -> { });
        new RealmImporter(keycloakServer.internalUrl(), secrets.get("keycloak.admin")).importIfAbsent(
                workspace.root().resolve("keycloak/teletherapy-realm.json"),
                Map.of("sessions-service", secrets.get("client.sessions-service"),
                        "teletherapy-gateway", secrets.get("client.teletherapy-gateway"),
                        "notifications-service", secrets.get("client.notifications-service")),
                "http://localhost:8080", TestMail.shared().smtpPort());
        return new KeycloakEndpoint(keycloakServer.url(), keycloakServer.internalUrl(),
                secrets.get("client.sessions-service"), secrets.get("client.notifications-service"));
    }

    private synchronized void stopAll() {
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException ignored) {
                // the JVM is exiting
            }
        }
    }
}
