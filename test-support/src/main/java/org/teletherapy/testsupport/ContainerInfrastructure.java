package org.teletherapy.testsupport;

import org.teletherapy.devstack.RealmImporter;
import org.teletherapy.devstack.Secrets;
import org.teletherapy.devstack.Workspace;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * The Docker path: the same three components as containers. Used automatically where a Docker engine answers;
 * Testcontainers' Ryuk removes them when the JVM exits.
 */
final class ContainerInfrastructure implements Infrastructure {

    private static final String KEYCLOAK_IMAGE = "quay.io/keycloak/keycloak:" + Workspace.keycloakVersion();

    private final Secrets secrets = Secrets.random();
    private final Map<String, DatabaseEndpoint> databases = new HashMap<>();
    private PostgreSQLContainer postgres;
    private KafkaContainer kafka;
    private KeycloakEndpoint keycloak;

    static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public synchronized DatabaseEndpoint database(String name) {
        return databases.computeIfAbsent(name, this::createDatabase);
    }

    private DatabaseEndpoint createDatabase(String name) {
        PostgreSQLContainer server = postgres();
        String password = secrets.get("db." + name);
        try (Connection connection = DriverManager.getConnection(server.getJdbcUrl(), server.getUsername(), server.getPassword());
             Statement statement = connection.createStatement()) {
            statement.execute("create role " + name + " login password '" + password + "'");
            statement.execute("create database " + name + " owner " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        String hostPort = server.getHost() + ":" + server.getMappedPort(5432);
        return new DatabaseEndpoint("r2dbc:postgresql://" + hostPort + "/" + name,
                "jdbc:postgresql://" + hostPort + "/" + name, name, password);
    }

    private synchronized PostgreSQLContainer postgres() {
        if (postgres == null) {
            postgres = new PostgreSQLContainer("postgres:18-alpine");
            postgres.start();
        }
        return postgres;
    }

    @Override
    public synchronized KafkaEndpoint kafka() {
        if (kafka == null) {
            kafka = new KafkaContainer("apache/kafka-native:4.1.2");
            kafka.start();
        }
        KafkaContainer container = kafka;
        return new KafkaEndpoint() {
            @Override
            public String bootstrapServers() {
                return container.getBootstrapServers();
            }

            @Override
            public void stop() {
                container.getDockerClient().pauseContainerCmd(container.getContainerId()).exec();
            }

            @Override
            public void start() {
                container.getDockerClient().unpauseContainerCmd(container.getContainerId()).exec();
            }
        };
    }

    @Override
    public synchronized KeycloakEndpoint keycloak() {
        if (keycloak == null) {
            GenericContainer<?> container = new GenericContainer<>(KEYCLOAK_IMAGE)
                    .withCommand("start-dev", "--health-enabled=true")
                    .withEnv("KC_BOOTSTRAP_ADMIN_USERNAME", "admin")
                    .withEnv("KC_BOOTSTRAP_ADMIN_PASSWORD", secrets.get("keycloak.admin"))
                    .withExposedPorts(8080, 9000)
                    .waitingFor(Wait.forHttp("/health/ready").forPort(9000).withStartupTimeout(Duration.ofMinutes(5)));
            container.start();
            String url = "http://" + container.getHost() + ":" + container.getMappedPort(8080);
            new RealmImporter(url, secrets.get("keycloak.admin")).importIfAbsent(
                    Workspace.detect().root().resolve("keycloak/teletherapy-realm.json"),
                    Map.of("sessions-service", secrets.get("client.sessions-service"),
                            "teletherapy-gateway", secrets.get("client.teletherapy-gateway"),
                            "notifications-service", secrets.get("client.notifications-service")));
            keycloak = new KeycloakEndpoint(url, url, secrets.get("client.sessions-service"),
                    secrets.get("client.notifications-service"));
        }
        return keycloak;
    }
}
