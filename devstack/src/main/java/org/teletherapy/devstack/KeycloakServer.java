package org.teletherapy.devstack;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A real Keycloak server (the Quarkus distribution) as a child process, backed by our PostgreSQL. */
public final class KeycloakServer implements AutoCloseable {

    public static final String ADMIN_USER = "admin";

    /** How to run one instance: its own ports, working directory and database. */
    public record Settings(int httpPort, int managementPort, String jdbcUrl, String databaseUser,
                           String databasePassword, String adminPassword, Path workDirectory, Path logFile) {
    }

    private final Settings settings;
    private final ChildProcess process;

    private KeycloakServer(Settings settings, ChildProcess process) {
        this.settings = settings;
        this.process = process;
    }

    /** Prepares the distribution (first time: unpack and build, about a minute) and launches the server. */
    public static KeycloakServer launch(KeycloakDistribution distribution, Settings settings) {
        Path javaHome = javaHome();
        distribution.prepare(javaHome, settings.logFile());
        Path tmp = settings.workDirectory().resolve("tmp");
        try {
            Files.createDirectories(tmp);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of(
                distribution.home().resolve("bin/kc.sh").toString(), "start", "--optimized",
                "--http-enabled=true",
                "--http-host=127.0.0.1",
                "--http-port=" + settings.httpPort(),
                "--http-management-port=" + settings.managementPort(),
                // Tokens carry this issuer whoever asks, so services and clients agree on it.
                "--hostname=http://localhost:" + settings.httpPort(),
                "--db-url=" + settings.jdbcUrl(),
                "--db-username=" + settings.databaseUser(),
                "--db-pool-max-size=20"));
        Map<String, String> env = Map.of(
                "JAVA_HOME", javaHome.toString(),
                "KC_DB_PASSWORD", settings.databasePassword(),
                "KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USER,
                "KC_BOOTSTRAP_ADMIN_PASSWORD", settings.adminPassword(),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx512m -XX:TieredStopAtLevel=1",
                "JAVA_OPTS_APPEND", "-Djava.io.tmpdir=" + tmp);
        ChildProcess child = ChildProcess.start("keycloak", command, env, settings.workDirectory(), settings.logFile());
        return new KeycloakServer(settings, child);
    }

    public void awaitReady(Duration timeout, Consumer<Long> progress) {
        process.awaitHealthy(readinessUri(), timeout, progress);
    }

    /** Keycloak's own readiness (management port): its database included. */
    public URI readinessUri() {
        return URI.create("http://127.0.0.1:" + settings.managementPort() + "/health/ready");
    }

    /** The URL clients use, which is also the token issuer's host. */
    public String url() {
        return "http://localhost:" + settings.httpPort();
    }

    /** The URL for server-to-server calls (loopback address, no name resolution). */
    public String internalUrl() {
        return "http://127.0.0.1:" + settings.httpPort();
    }

    public String issuer(String realm) {
        return url() + "/realms/" + realm;
    }

    public String jwkSetUri(String realm) {
        return internalUrl() + "/realms/" + realm + "/protocol/openid-connect/certs";
    }


    public ChildProcess process() {
        return process;
    }

    private static Path javaHome() {
        String configured = System.getenv("JAVA_HOME");
        return Path.of(configured != null && !configured.isBlank() ? configured : System.getProperty("java.home"));
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(30));
    }
}
