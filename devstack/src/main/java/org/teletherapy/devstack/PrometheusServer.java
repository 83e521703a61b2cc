package org.teletherapy.devstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Prometheus, when this machine has it (it is a Go binary, not on Maven Central): scrapes the running platform with
 * the project's alert rules. Its configuration is written for the ports actually in use.
 */
public final class PrometheusServer implements AutoCloseable {

    /** Where to get it, for the message shown when it is missing. */
    public static final String HOW_TO_INSTALL =
            "sudo apt-get install --no-install-recommends prometheus (Debian/Ubuntu), brew install prometheus (macOS), "
                    + "or set TELETHERAPY_PROMETHEUS to its binary";

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final int port;
    private final ChildProcess process;

    private PrometheusServer(int port, ChildProcess process) {
        this.port = port;
        this.process = process;
    }

    /** The binary named by {@code TELETHERAPY_PROMETHEUS}, else {@code prometheus} on the PATH. */
    public static Optional<Path> binary() {
        String configured = System.getenv("TELETHERAPY_PROMETHEUS");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator))
                .filter(directory -> !directory.isBlank())
                .map(directory -> Path.of(directory, "prometheus"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    public static PrometheusServer launch(Path binary, int port, Map<String, String> scrapeTargets, Path rulesDirectory,
                                          Duration scrapeInterval, Path workDirectory, Path logFile) {
        try {
            Files.createDirectories(workDirectory);
            Path config = workDirectory.resolve("prometheus.yml");
            Files.writeString(config, configuration(port, scrapeTargets, rulesDirectory, scrapeInterval));
            List<String> command = List.of(binary.toString(),
                    "--config.file=" + config,
                    "--storage.tsdb.path=" + workDirectory.resolve("tsdb"),
                    "--storage.tsdb.retention.time=7d",
                    "--web.listen-address=127.0.0.1:" + port);
            return new PrometheusServer(port, ChildProcess.start("prometheus", command, Map.of(), workDirectory, logFile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same jobs as observability/prometheus/prometheus.yml, pointed at the ports in use. */
    static String configuration(int port, Map<String, String> scrapeTargets, Path rulesDirectory, Duration scrapeInterval) {
        String jobs = scrapeTargets.entrySet().stream().map(job -> """
                  - job_name: %s
                    metrics_path: /actuator/prometheus
                    static_configs:
                      - targets: ["%s"]
                """.formatted(job.getKey(), job.getValue())).collect(Collectors.joining());
        return """
                # Written by ./teletherapy up for the ports in use; see observability/prometheus/prometheus.yml.
                global:
                  scrape_interval: %ds
                  scrape_timeout: %ds
                  evaluation_interval: %ds
                rule_files:
                  - %s/*.yml
                scrape_configs:
                %s  - job_name: prometheus
                    static_configs:
                      - targets: ["127.0.0.1:%d"]
                """.formatted(scrapeInterval.toSeconds(), Math.min(10, scrapeInterval.toSeconds()),
                scrapeInterval.toSeconds(), rulesDirectory.toAbsolutePath(), jobs, port);
    }

    public void awaitReady(Duration timeout) {
        process.awaitHealthy(URI.create(url() + "/-/ready"), timeout, seconds -> { });
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Every target's health as Prometheus last saw it, by job; the raw JSON of {@code /api/v1/targets}. */
    public String targets() {
        return get("/api/v1/targets");
    }

    /** An instant PromQL query; the raw JSON answer. */
    public String query(String promql) {
        return get("/api/v1/query?query=" + java.net.URLEncoder.encode(promql, java.nio.charset.StandardCharsets.UTF_8));
    }

    private String get(String path) {
        try {
            return HTTP.send(
                    java.net.http.HttpRequest.newBuilder(URI.create(url() + path)).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public ChildProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(10));
    }
}
