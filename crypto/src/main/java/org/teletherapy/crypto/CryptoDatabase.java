package org.teletherapy.crypto;

import org.flywaydb.core.Flyway;
import org.postgresql.Driver;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The keyring table's own migrations, as eventing has its tables': a schema of its own and a Flyway history of its
 * own, so a service's migrations and ours never collide, and a service adds no DDL for its keys. Run over the
 * service's Flyway connection (same database, same role) when the keyring is configured.
 */
final class CryptoDatabase {

    /** The keyring table lives in a schema of its own, beside the service's tables. */
    static final String SCHEMA = "crypto";

    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private final SimpleDriverDataSource dataSource;

    CryptoDatabase(String url, String username, String password) {
        this.dataSource = new SimpleDriverDataSource(new Driver(), url, username, password);
    }

    /**
     * Creates the keyring table, or takes over the one a service's own migration had created.
     *
     * @return the table, schema-qualified, for {@link SubjectKeyring}
     * @throws IllegalStateException when the service renamed its keyring after the migration ran: Flyway's checksum
     *                               does not cover the name, and an empty keyring must not begin unnoticed
     */
    String migrate(String keyringTable) {
        if (!PLAIN_NAME.matcher(keyringTable).matches()) {
            throw new IllegalArgumentException("teletherapy.crypto.keyring-table is not a plain table name: " + keyringTable);
        }
        Flyway.configure(CryptoDatabase.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/crypto")
                .schemas(SCHEMA)
                .defaultSchema(SCHEMA)
                .table("schema_history")
                .placeholders(Map.of("keyring_table", keyringTable))
                .load()
                .migrate();
        String table = SCHEMA + "." + keyringTable;
        boolean created;
        try (Connection connection = dataSource.getConnection()) {
            created = exists(connection, table);
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up the keyring table", e);
        }
        if (!created) {
            throw new IllegalStateException("teletherapy.crypto.keyring-table is " + keyringTable + ", but the crypto "
                    + "schema has no such table: the keyring's name is fixed once the service is installed");
        }
        return table;
    }

    static boolean exists(Connection connection, String table) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("select to_regclass(?) is not null")) {
            query.setString(1, table);
            try (ResultSet result = query.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }
}
