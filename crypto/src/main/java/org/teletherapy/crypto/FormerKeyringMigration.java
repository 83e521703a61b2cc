package org.teletherapy.crypto;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.Configuration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The service migration that created the keyring table before this module kept it in a schema of its own. That DDL
 * left the migration for {@code db/crypto/V1__keyring.sql}, so the migration's checksum changed, and Flyway would
 * refuse to start a database that had applied it as released. Before the service's migrations are validated, this
 * records the migration's current checksum in place of the released one: for that version and exactly that released
 * checksum only, so any other change to an applied migration still fails as it should.
 *
 * <p>Why not Flyway's {@code repair}: it would accept every changed checksum, silently. Why not keep the released
 * file: the keyring's DDL would live in every service again.
 */
final class FormerKeyringMigration implements Callback {

    private static final Logger log = LoggerFactory.getLogger(FormerKeyringMigration.class);

    private final String version;
    private final int releasedChecksum;

    FormerKeyringMigration(CryptoProperties.KeyringCreatedBy createdBy) {
        this.version = createdBy.version();
        this.releasedChecksum = createdBy.checksum();
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_VALIDATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        Configuration configuration = context.getConfiguration();
        String history = historyTable(configuration);
        try {
            Connection connection = context.getConnection();
            if (!CryptoDatabase.exists(connection, history)) {
                return;
            }
            Integer current = currentChecksum(configuration);
            if (current == null || current == releasedChecksum) {
                return;
            }
            try (PreparedStatement update = connection.prepareStatement(
                    "update " + history + " set checksum = ? where version = ? and checksum = ?")) {
                update.setInt(1, current);
                update.setString(2, version);
                update.setInt(3, releasedChecksum);
                if (update.executeUpdate() > 0) {
                    log.info("migration {} as released created the keyring table, which the crypto module keeps now: "
                            + "its checksum {} is recorded as {}", version, releasedChecksum, current);
                }
            }
        } catch (SQLException e) {
            throw new FlywayException("could not accept the released checksum of migration " + version, e);
        }
    }

    @Override
    public String getCallbackName() {
        return "crypto-former-keyring-migration";
    }

    /** The migration's checksum as the service's files give it now (the history is read, not validated). */
    private Integer currentChecksum(Configuration configuration) {
        return Arrays.stream(Flyway.configure(configuration.getClassLoader()).configuration(configuration).load()
                        .info().all())
                .filter(migration -> migration.getVersion() != null && migration.getVersion().getVersion().equals(version))
                .map(MigrationInfo::getResolvedChecksum)
                .findFirst()
                .orElse(null);
    }

    private static String historyTable(Configuration configuration) {
        String schema = configuration.getDefaultSchema() != null ? configuration.getDefaultSchema()
                : configuration.getSchemas().length > 0 ? configuration.getSchemas()[0] : null;
        return (schema == null ? "" : quoted(schema) + ".") + quoted(configuration.getTable());
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
