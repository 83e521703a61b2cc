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

    /**
     * How many spans Zipkin keeps in memory. A booking is 24 spans, so this holds some 6,000 bookings, more than a
     * day of local use (the heap of 128 MB before ran out after about 7,000 requests); older traces are dropped beyond.
     */
    static final int MAX_SPANS = 150_000;

    /**
     * Measured: about 1.7 KB of heap per stored span (24-span booking traces as the services send them) on 20 MB
     * of Zipkin itself, so the cap takes about 270 MB; the rest is room for bursts and for the UI's queries.
     */
    static final String HEAP = "512m";

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
        List<String> command = List.of(javaCommand(), "-Xms32m", "-Xmx" + HEAP, "-Xss512k", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString(),
                "--armeria.ports[0].ip=127.0.0.1", "--armeria.ports[0].port=" + port,
                "--armeria.ports[0].protocols=http");
        // Past the cap Zipkin drops its oldest traces, so the heap must hold the cap with room to spare.
        Map<String, String> env = Map.of("MEM_MAX_SPANS", String.valueOf(MAX_SPANS));
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
