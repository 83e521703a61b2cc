package org.teletherapy.testsupport;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upgrade of an installation from before the crypto module kept the keyring in a schema of its own, when the
 * service's own migration created the keyring table in the service's default schema. The service starts on a
 * database of its own and makes keys; the database is then turned back into one of then (the table back in
 * {@code public}, no crypto schema, the migration's checksum as released); the service starts on it again, and must
 * find every key, in the crypto schema, with Flyway's validation passing; and once more, as on any day after.
 *
 * <pre>{@code
 * KeyringUpgrade.of(NotesApplication.class, "notes", "client_keyset").verify();
 * }</pre>
 */
public final class KeyringUpgrade {

    private final Class<?> application;
    private final String service;
    private final String keyringTable;
    private Consumer<ConfigurableApplicationContext> use = context -> { };
    private Consumer<ConfigurableApplicationContext> check = context -> { };

    private KeyringUpgrade(Class<?> application, String service, String keyringTable) {
        this.application = application;
        this.service = service;
        this.keyringTable = keyringTable;
    }

    /** @param service the service's name without {@code -service}, e.g. {@code notes} */
    public static KeyringUpgrade of(Class<?> application, String service, String keyringTable) {
        return new KeyringUpgrade(application, service, keyringTable);
    }

    /** What the service does with its keys before the upgrade, beside the two rows this puts in (a key and a tombstone). */
    public KeyringUpgrade using(Consumer<ConfigurableApplicationContext> use) {
        this.use = use;
        return this;
    }

    /** What must hold of the upgraded service, beside the keyring's rows. */
    public KeyringUpgrade checking(Consumer<ConfigurableApplicationContext> check) {
        this.check = check;
        return this;
    }

    public void verify() {
        Infrastructure.DatabaseEndpoint database = Infrastructure.shared().database(service + "_upgrade");
        String table = "crypto." + keyringTable;
        String version;
        int releasedChecksum;
        try (ConfigurableApplicationContext today = start()) {
            version = today.getEnvironment().getRequiredProperty("teletherapy.crypto.keyring-created-by.version");
            releasedChecksum = today.getEnvironment().getRequiredProperty("teletherapy.crypto.keyring-created-by.checksum",
                    Integer.class);
            update(database, "insert into " + table + " (subject_id, wrapped_keyset, master_key_version) values ('"
                    + UUID.randomUUID() + "', '\\x0102', 'v-upgrade')");
            update(database, "insert into " + table + " (subject_id, destroyed_at) values ('" + UUID.randomUUID() + "', now())");
            use.accept(today);
        }
        // Once it stopped: until then it applies other tests' events (a client.erased adds a tombstone).
        List<String> keys = rows(database, table);

        asReleased(database, version, releasedChecksum);
        assertThat(exists(database, table)).as("the database as it was before the crypto schema").isFalse();
        assertThat(rows(database, "public." + keyringTable)).isEqualTo(keys);

        try (ConfigurableApplicationContext upgraded = start()) {
            // Contains, not equals: the service applies other tests' events meanwhile.
            assertThat(rows(database, table)).as("every key and tombstone, in the crypto schema").containsAll(keys);
            assertThat(exists(database, "public." + keyringTable)).isFalse();
            assertThat(checksum(database, version)).as("migration %s's checksum of today", version).isNotEqualTo(releasedChecksum);
            check.accept(upgraded);
        }
        try (ConfigurableApplicationContext nextDay = start()) {
            assertThat(rows(database, table)).containsAll(keys);
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(application)
                .initializers(new RealInfrastructureInitializer(), KeyringUpgrade::ownNettyResources)
                .run("--spring.application.name=" + service + "-upgrade-service", "--server.port=0",
                        "--management.server.port=0");
    }

    /**
     * Event loops of its own: by default a Spring Boot application shares Reactor Netty's global ones and disposes
     * them when it stops, which would stop the servers of the other tests' applications in this JVM.
     */
    private static void ownNettyResources(ConfigurableApplicationContext context) {
        ((GenericApplicationContext) context).registerBean(ReactorResourceFactory.class, () -> {
            ReactorResourceFactory resources = new ReactorResourceFactory();
            resources.setUseGlobalResources(false);
            return resources;
        });
    }

    /** The keyring table back where the service's migration had put it, and that migration's checksum as released. */
    private void asReleased(Infrastructure.DatabaseEndpoint database, String version, int releasedChecksum) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("alter table crypto." + keyringTable + " set schema public");
            statement.execute("drop table crypto.schema_history");
            statement.execute("drop schema crypto");
            try (PreparedStatement released = connection.prepareStatement(
                    "update flyway_schema_history set checksum = ? where version = ?")) {
                released.setInt(1, releasedChecksum);
                released.setString(2, version);
                assertThat(released.executeUpdate()).as("migration %s applied", version).isEqualTo(1);
            }
            connection.commit();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> rows(Infrastructure.DatabaseEndpoint database, String table) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("select subject_id, wrapped_keyset, master_key_version, created_at, "
                     + "rewrapped_at, destroyed_at from " + table + " order by subject_id")) {
            List<String> rows = new ArrayList<>();
            while (result.next()) {
                byte[] wrapped = result.getBytes(2);
                rows.add(result.getString(1) + " " + (wrapped == null ? null : HexFormat.of().formatHex(wrapped)) + " "
                        + result.getString(3) + " " + result.getString(4) + " " + result.getString(5) + " " + result.getString(6));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Integer checksum(Infrastructure.DatabaseEndpoint database, String version) {
        return (Integer) single(database, "select checksum from flyway_schema_history where version = ?", version);
    }

    private static boolean exists(Infrastructure.DatabaseEndpoint database, String table) {
        return Boolean.TRUE.equals(single(database, "select to_regclass(?) is not null", table));
    }

    private static Object single(Infrastructure.DatabaseEndpoint database, String sql, String parameter) {
        try (Connection connection = connect(database); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getObject(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void update(Infrastructure.DatabaseEndpoint database, String sql) {
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect(Infrastructure.DatabaseEndpoint database) throws SQLException {
        return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
    }
}
