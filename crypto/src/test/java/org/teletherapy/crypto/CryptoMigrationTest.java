package org.teletherapy.crypto;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.callback.Callback;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.r2dbc.core.DatabaseClient;
import org.teletherapy.testsupport.Infrastructure;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The keyring's own migration, against a real PostgreSQL: taking over a service's table, and its released checksum. */
class CryptoMigrationTest {

    @TempDir
    Path keys;

    @Test
    void aKeyringTableAServiceCreatedInItsOwnSchemaIsTakenOverWithEveryKey() throws SQLException {
        Infrastructure.DatabaseEndpoint endpoint = Infrastructure.shared().database("crypto_takeover");
        CryptoDatabase cryptoDatabase = new CryptoDatabase(endpoint.jdbcUrl(), endpoint.username(), endpoint.password());
        LocalKeysetMasterKeyProvider masterKeys = LocalKeysetMasterKeyProvider.loadOrCreate(keys.resolve("master.json"));
        DatabaseClient database = DatabaseClient.create(ConnectionFactories.get(
                ConnectionFactoryOptions.parse(endpoint.r2dbcUrl()).mutate()
                        .option(ConnectionFactoryOptions.USER, endpoint.username())
                        .option(ConnectionFactoryOptions.PASSWORD, endpoint.password())
                        .build()));
        SubjectKeyring before = new SubjectKeyring(database, cryptoDatabase.migrate("client_keyset"), masterKeys,
                new SimpleMeterRegistry(), 10);
        UUID client = UUID.randomUUID();
        UUID erased = UUID.randomUUID();
        byte[] ad = AssociatedData.of("test", client);
        byte[] ciphertext = before.keyForWriting(client).block().encrypt("sleeps badly".getBytes(StandardCharsets.UTF_8), ad);
        before.keyForWriting(erased).block();
        before.destroy(erased).block();
        List<String> rows = rows(database, "crypto.client_keyset");
        // As a service's own migration had left it: the table in public, no crypto schema yet.
        execute(endpoint, "alter table crypto.client_keyset set schema public", "drop schema crypto cascade");

        String table = cryptoDatabase.migrate("client_keyset");

        assertThat(table).isEqualTo("crypto.client_keyset");
        assertThat(rows(database, table)).isEqualTo(rows);
        assertThat(database.sql("select to_regclass('public.client_keyset') is null as gone")
                .map(row -> row.get("gone", Boolean.class)).one().block()).isTrue();
        SubjectKeyring after = new SubjectKeyring(database, table, masterKeys, new SimpleMeterRegistry(), 10);
        assertThat(new String(after.keyForReading(client).block().decrypt(ciphertext, ad), StandardCharsets.UTF_8))
                .isEqualTo("sleeps badly");
        assertThatThrownBy(() -> after.keyForWriting(erased).block()).isInstanceOf(SubjectErasedException.class);
    }

    @Test
    void aKeyringRenamedAfterInstallationFailsAtStartInsteadOfBeginningEmpty() {
        Infrastructure.DatabaseEndpoint endpoint = Infrastructure.shared().database("crypto_rename");
        CryptoDatabase cryptoDatabase = new CryptoDatabase(endpoint.jdbcUrl(), endpoint.username(), endpoint.password());
        cryptoDatabase.migrate("client_keyset");

        assertThatThrownBy(() -> cryptoDatabase.migrate("patient_keyset"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("patient_keyset");
        assertThat(cryptoDatabase.migrate("client_keyset")).isEqualTo("crypto.client_keyset");
    }

    @Test
    void onlyTheReleasedChecksumOfTheMigrationThatCreatedTheKeyringIsAccepted() throws SQLException {
        Infrastructure.DatabaseEndpoint endpoint = Infrastructure.shared().database("crypto_former");
        Flyway service = service(endpoint);
        service.migrate();
        int current = service.info().current().getChecksum();
        Callback released4711 = new FormerKeyringMigration(new CryptoProperties.KeyringCreatedBy("2", 4711));

        execute(endpoint, "update flyway_schema_history set checksum = 4711 where version = '2'");
        assertThat(service.validateWithResult().validationSuccessful).as("a changed migration fails without it").isFalse();
        assertThat(service(endpoint, released4711).validateWithResult().validationSuccessful).isTrue();
        assertThat(service.info().current().getChecksum()).isEqualTo(current);

        execute(endpoint, "update flyway_schema_history set checksum = 4712 where version = '2'");
        assertThat(service(endpoint, released4711).validateWithResult().validationSuccessful)
                .as("any other checksum still fails").isFalse();
    }

    private static Flyway service(Infrastructure.DatabaseEndpoint endpoint, Callback... callbacks) {
        return Flyway.configure()
                .dataSource(endpoint.jdbcUrl(), endpoint.username(), endpoint.password())
                .locations("classpath:db/former-service")
                .callbacks(callbacks)
                .load();
    }

    private static List<String> rows(DatabaseClient database, String table) {
        return database.sql("select subject_id, encode(wrapped_keyset, 'hex') as wrapped, master_key_version, "
                        + "created_at::text as created, destroyed_at::text as destroyed from " + table + " order by subject_id")
                .map(row -> row.get("subject_id") + " " + row.get("wrapped") + " " + row.get("master_key_version") + " "
                        + row.get("created") + " " + row.get("destroyed"))
                .all().collectList().block();
    }

    private static void execute(Infrastructure.DatabaseEndpoint endpoint, String... statements) throws SQLException {
        try (Connection connection = DriverManager.getConnection(endpoint.jdbcUrl(), endpoint.username(), endpoint.password());
             Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
