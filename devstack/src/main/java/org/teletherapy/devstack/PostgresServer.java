package org.teletherapy.devstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real PostgreSQL server from zonky's embedded binaries, listening on loopback only.
 * The superuser {@code postgres} needs no password on loopback (trust), so developers can inspect data with psql;
 * every service gets its own database and role.
 */
public final class PostgresServer implements AutoCloseable {

    private final EmbeddedPostgres postgres;

    private PostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts a server on {@code port}; with a {@code dataDirectory} the data survives restarts,
     * with {@code null} it lives in a temporary directory that is removed on close.
     */
    public static PostgresServer start(int port, Path dataDirectory, Path logFile) throws IOException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "300")
                // A failed statement's DETAIL quotes the row's values (e.g. who holds a slot): keep it out of the log.
                .setServerConfig("log_error_verbosity", "terse")
                .setServerConfig("fsync", dataDirectory == null ? "off" : "on")
                .setPGStartupWait(java.time.Duration.ofSeconds(60))
                .setDataDirectoryCustomizer(PostgresServer::writeAccessRules);
        if (dataDirectory != null) {
            Files.createDirectories(dataDirectory);
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
        }
        if (logFile != null) {
            // PostgreSQL writes its log to this file (our redirect), never one of its own.
            OwnerOnly.file(logFile);
            ProcessBuilder.Redirect toLog = ProcessBuilder.Redirect.appendTo(logFile.toFile());
            builder.setOutputRedirector(toLog).setErrorRedirector(toLog);
        }
        return new PostgresServer(builder.start());
    }

    /**
     * The superuser may connect from loopback without a password (developers inspect data with psql);
     * every other role must give its password.
     */
    private static void writeAccessRules(java.io.File dataDirectory) {
        String rules = String.join("\n",
                "# written by the teletherapy devstack",
                "local all postgres trust",
                "host  all postgres 127.0.0.1/32 trust",
                "host  all postgres ::1/128 trust",
                "local all all scram-sha-256",
                "host  all all 127.0.0.1/32 scram-sha-256",
                "host  all all ::1/128 scram-sha-256",
                "");
        try {
            Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), rules);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public String r2dbcUrl(String database) {
        return "r2dbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** Creates (or updates the password of) a login role that owns a database of the same name. Idempotent. */
    public void ensureDatabase(String database, String password) {
        requireSafeIdentifier(database);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            if (!exists(connection, "select 1 from pg_roles where rolname = ?", database)) {
                statement.execute("create role " + database + " login");
            }
            // Identifiers cannot be bound as parameters; the password is quoted as a literal.
            statement.execute("alter role " + database + " password '" + password.replace("'", "''") + "'");
            if (!exists(connection, "select 1 from pg_database where datname = ?", database)) {
                statement.execute("create database " + database + " owner " + database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare database " + database, e);
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            return statement.executeQuery().next();
        }
    }

    private static void requireSafeIdentifier(String name) {
        if (!name.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
