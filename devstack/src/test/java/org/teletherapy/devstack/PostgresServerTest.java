package org.teletherapy.devstack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PostgresServerTest {

    @TempDir
    Path data;

    @Test
    void aServiceDatabaseKeepsItsDataAcrossARestart() throws Exception {
        int port = Ports.free();
        try (PostgresServer server = PostgresServer.start(port, data.resolve("pg"), data.resolve("pg.log"))) {
            server.ensureDatabase("sessions", "first-secret");
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl("sessions"), "sessions", "first-secret");
                 Statement statement = connection.createStatement()) {
                statement.execute("create table kept (value text)");
                statement.execute("insert into kept values ('still here')");
            }
        }
        try (PostgresServer server = PostgresServer.start(port, data.resolve("pg"), data.resolve("pg.log"))) {
            server.ensureDatabase("sessions", "first-secret");
            try (Connection connection = DriverManager.getConnection(server.jdbcUrl("sessions"), "sessions", "first-secret");
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select value from kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("still here");
            }
        }
    }

    @Test
    void itsLogIsReadableByTheOwnerOnly() throws Exception {
        try (PostgresServer server = PostgresServer.start(Ports.free(), null, data.resolve("logs").resolve("pg.log"))) {
            server.ensureDatabase("exercises", "secret");
        }

        assertThat(Files.readString(data.resolve("logs").resolve("pg.log"))).contains("database system is ready");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("logs").resolve("pg.log"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("logs"))))
                .isEqualTo("rwx------");
    }

    @Test
    void aServiceRoleNeedsItsPassword() throws Exception {
        try (PostgresServer server = PostgresServer.start(Ports.free(), null, data.resolve("pg.log"))) {
            server.ensureDatabase("notes", "right");
            assertThatThrownBy(() -> DriverManager.getConnection(server.jdbcUrl("notes"), "notes", "wrong").close())
                    .hasMessageContaining("password authentication failed");
        }
    }

    @Test
    void refusesDatabaseNamesThatAreNotPlainIdentifiers() throws Exception {
        try (PostgresServer server = PostgresServer.start(Ports.free(), null, data.resolve("pg.log"))) {
            assertThatThrownBy(() -> server.ensureDatabase("x; drop database postgres", "p"))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
