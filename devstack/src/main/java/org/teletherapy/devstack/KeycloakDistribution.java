package org.teletherapy.devstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Keycloak server distribution from Maven Central ({@code org.keycloak:keycloak-quarkus-dist}), unpacked once
 * and built once ({@code kc.sh build}) for the options every instance of ours shares. Later starts use
 * {@code start --optimized} and skip Quarkus' slow build step.
 */
public final class KeycloakDistribution {

    /** Build-time options: a change here triggers one rebuild. */
    static final List<String> BUILD_OPTIONS = List.of(
            "--db=postgres", "--health-enabled=true", "--metrics-enabled=true", "--cache=local");

    private final Path home;
    private final Path archive;
    private final Path lockFile;

    private KeycloakDistribution(Path home, Path archive, Path lockFile) {
        this.home = home;
        this.archive = archive;
        this.lockFile = lockFile;
    }

    public static KeycloakDistribution in(Workspace workspace) {
        String version = Workspace.keycloakVersion();
        Path archive = Workspace.localMavenRepository().resolve(Path.of("org", "keycloak", "keycloak-quarkus-dist",
                version, "keycloak-quarkus-dist-" + version + ".tar.gz"));
        Path dist = workspace.distDirectory();
        return new KeycloakDistribution(dist.resolve("keycloak-" + version), archive, dist.resolve("keycloak.lock"));
    }

    public Path home() {
        return home;
    }

    /** Unpacks and builds the distribution unless that was done before; safe when several JVMs race here. */
    public void prepare(Path javaHome, Path logFile) {
        try {
            Files.createDirectories(lockFile.getParent());
            try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = channel.lock()) {
                unpackIfNeeded();
                buildIfNeeded(javaHome, logFile);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare Keycloak in " + home, e);
        }
    }

    private void unpackIfNeeded() throws IOException {
        if (Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            return;
        }
        if (!Files.isRegularFile(archive)) {
            throw new IllegalStateException("Keycloak archive not in the local Maven repository: " + archive
                    + " (run ./mvnw -q -pl devstack dependency:resolve)");
        }
        Path staging = Files.createTempDirectory(home.getParent(), "keycloak-unpack");
        run(List.of("tar", "-xzf", archive.toString(), "-C", staging.toString()), Map.of(), staging.resolve("tar.log"));
        try (var entries = Files.list(staging)) {
            Path unpacked = entries.filter(Files::isDirectory).findFirst()
                    .orElseThrow(() -> new IOException("empty Keycloak archive"));
            Files.move(unpacked, home);
        }
        deleteRecursively(staging);
    }

    private void buildIfNeeded(Path javaHome, Path logFile) throws IOException {
        Path marker = home.resolve(".teletherapy-build");
        String wanted = String.join(" ", BUILD_OPTIONS);
        if (Files.isRegularFile(marker) && Files.readString(marker).equals(wanted)) {
            return;
        }
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build"));
        command.addAll(BUILD_OPTIONS);
        run(command, Map.of("JAVA_HOME", javaHome.toString()), logFile);
        Files.writeString(marker, wanted, StandardCharsets.UTF_8);
    }

    private static void run(List<String> command, Map<String, String> env, Path logFile) throws IOException {
        OwnerOnly.file(logFile);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        builder.environment().putAll(env);
        Process process = builder.start();
        try {
            if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new ComponentFailedException("keycloak", "step failed: " + String.join(" ", command),
                        ChildProcess.tail(logFile, 30));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
