package org.teletherapy.devstack;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Zipkin's own server (the "slim" build from Maven Central: in-memory storage, HTTP collector and the UI) as a child
 * process on loopback. Traces live only as long as the process: this is a developer's and a test's tool.
 */
public final class ZipkinServer implements AutoCloseable {

    private final int port;
    private final ChildProcess process;

    private ZipkinServer(int port, ChildProcess process) {
        this.port = port;
        this.process = process;
    }

    public static ZipkinServer launch(int port, Path workDirectory, Path logFile) {
        Path jar = jar();
        if (!Files.isRegularFile(jar)) {
            throw new ComponentFailedException("zipkin", "has no server jar at " + jar
                    + " (run ./mvnw -q -pl devstack dependency:resolve)", "");
        }
        List<String> command = List.of(javaCommand(), "-Xms32m", "-Xmx128m", "-Xss512k", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--armeria.ports[0].ip=127.0.0.1", "--armeria.ports[0].port=" + port,
                "--armeria.ports[0].protocols=http");
        // Keep at most this many spans: enough for a day of local clicking, bounded memory.
        Map<String, String> env = Map.of("MEM_MAX_SPANS", "200000");
        try {
            Files.createDirectories(workDirectory);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new ZipkinServer(port, ChildProcess.start("zipkin", command, env, workDirectory, logFile));
    }

    public void awaitReady(Duration timeout) {
        process.awaitHealthy(healthUri(), timeout, seconds -> { });
    }

    public URI healthUri() {
        return URI.create(url() + "/health");
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Where applications send their spans (Zipkin v2 JSON). */
    public String spansEndpoint() {
        return url() + "/api/v2/spans";
    }

    public ChildProcess process() {
        return process;
    }

    static Path jar() {
        String version = Workspace.zipkinVersion();
        return Workspace.localMavenRepository().resolve(Path.of("io", "zipkin", "zipkin-server", version,
                "zipkin-server-" + version + "-slim.jar"));
    }

    private static String javaCommand() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(10));
    }
}
