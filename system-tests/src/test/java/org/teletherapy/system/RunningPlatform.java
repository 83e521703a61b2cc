package org.teletherapy.system;

import org.teletherapy.devstack.Platform;
import org.teletherapy.devstack.Progress;
import org.teletherapy.devstack.Secrets;
import org.teletherapy.devstack.Workspace;
import org.teletherapy.testsupport.KeycloakEndpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;

/**
 * The whole platform, started once for every system test class of this JVM by the devstack's own code on free
 * ports, and stopped when the JVM ends. Test classes that change it (stop a service) run last.
 */
final class RunningPlatform {

    static final Path LOGS = Path.of("target", "platform-logs").toAbsolutePath();

    private static RunningPlatform started;

    final Platform platform;
    final KeycloakEndpoint keycloak;
    private final Secrets secrets;

    private RunningPlatform(Platform platform, KeycloakEndpoint keycloak, Secrets secrets) {
        this.platform = platform;
        this.keycloak = keycloak;
        this.secrets = secrets;
    }

    /**
     * A test seam: one statement in a service's own database, as its owner. For what the API rightly cannot do, such
     * as a session that began minutes ago (a booking in the past is refused), never to check what the API shows.
     */
    int update(String database, String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(platform.postgres().jdbcUrl(database), database,
                secrets.get("db." + database));
             PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not change " + database, e);
        }
    }

    /**
     * A service's database as someone with the database password sees it (psql, a backup): for proofs about what is
     * stored, such as what is left of an erased client, never to check what the API shows.
     */
    <T> T inDatabase(String database, SqlWork<T> work) {
        try (Connection connection = DriverManager.getConnection(platform.postgres().jdbcUrl(database), database,
                secrets.get("db." + database))) {
            return work.with(connection);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not read " + database, e);
        }
    }

    interface SqlWork<T> {
        T with(Connection connection) throws SQLException, IOException;
    }

    static synchronized RunningPlatform get() {
        if (started == null) {
            started = start();
            Runtime.getRuntime().addShutdownHook(new Thread(started.platform::close, "platform-stop"));
        }
        return started;
    }

    private static RunningPlatform start() {
        // Logs of an earlier run would be searched along with this one's.
        try {
            if (Files.isDirectory(LOGS)) {
                try (Stream<Path> old = Files.list(LOGS)) {
                    for (Path log : old.toList()) {
                        Files.delete(log);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Secrets secrets = Secrets.random();
        Platform platform = Platform.start(new Platform.Options(Workspace.detect(), Platform.PortPlan.free(), null,
                LOGS, secrets, new Progress(),
                List.of("-XX:+UseSerialGC", "-Xmx192m", "-XX:TieredStopAtLevel=1"), false));
        return new RunningPlatform(platform, KeycloakEndpoint.at(platform.keycloak().url(),
                platform.keycloak().internalUrl(), secrets.get("client.sessions-service")), secrets);
    }
}
