package org.teletherapy.devstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/** Where the repository, its build outputs, the local Maven repository and the devstack's files are. */
public final class Workspace {

    private final Path root;

    private Workspace(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /** The repository root: {@code -Dteletherapy.root}, else the nearest parent holding {@code teletherapy}. */
    public static Workspace detect() {
        String configured = System.getProperty("teletherapy.root");
        if (configured != null && !configured.isBlank()) {
            return new Workspace(Path.of(configured));
        }
        Path candidate = Path.of("").toAbsolutePath();
        while (candidate != null) {
            if (Files.isRegularFile(candidate.resolve("teletherapy")) && Files.isRegularFile(candidate.resolve("pom.xml"))) {
                return new Workspace(candidate);
            }
            candidate = candidate.getParent();
        }
        throw new IllegalStateException("cannot find the repository root; set -Dteletherapy.root");
    }

    public Path root() {
        return root;
    }

    /** Everything the devstack keeps between runs; {@code reset} removes {@link #dataDirectory()} only. */
    public Path devstackDirectory() {
        return root.resolve(".devstack");
    }

    public Path dataDirectory() {
        return devstackDirectory().resolve("data");
    }

    public Path logDirectory() {
        return devstackDirectory().resolve("logs");
    }

    public Path runDirectory() {
        return devstackDirectory().resolve("run");
    }

    /** Unpacked third-party distributions; shared by the devstack and the tests, never wiped by reset. */
    public Path distDirectory() {
        return devstackDirectory().resolve("dist");
    }

    public Path serviceJar(String module) {
        return root.resolve(module).resolve("target").resolve(module + ".jar");
    }

    public static Path localMavenRepository() {
        String configured = System.getProperty("maven.repo.local");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("user.home"), ".m2", "repository");
    }

    public static String keycloakVersion() {
        return buildProperties().getProperty("keycloak.version");
    }

    public static String zipkinVersion() {
        return buildProperties().getProperty("zipkin-server.version");
    }

    private static Properties buildProperties() {
        try (InputStream in = Workspace.class.getResourceAsStream("/devstack.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
