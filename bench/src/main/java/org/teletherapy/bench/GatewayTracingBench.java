package org.teletherapy.bench;

import com.sun.net.httpserver.HttpServer;
import org.teletherapy.devstack.ChildProcess;
import org.teletherapy.devstack.Ports;
import org.teletherapy.devstack.Workspace;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What tracing costs the gateway: the real gateway jar, run three times (tracing off, 10% sampled, 100% sampled,
 * spans exported to a Zipkin-compatible endpoint), each under the same closed-loop load, in one run, twice in
 * mirrored order so warm caches and a busy machine favour no mode.
 * <p>
 * The upstream service and the span collector are minimal HTTP servers in this JVM, so the numbers are the gateway's
 * own: routing, the circuit breaker, request ids, metrics and tracing. The route used is the public calendar-feed
 * path, so no token is checked (token checks would make the gateway's own work larger and the share of tracing
 * smaller than here).
 */
final class GatewayTracingBench {

    private static final String PATH = "/api/v1/calendar/feeds/bench-feed.ics";
    private static final byte[] FEED = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//bench//EN\r\nEND:VCALENDAR\r\n"
            .getBytes(StandardCharsets.UTF_8);
    private static final List<String> JVM_OPTIONS = List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx192m", "-Xss512k");

    private enum Mode {
        // MANAGEMENT_TRACING_ENABLED=false alone still exported spans: nothing sampled, nothing sent.
        OFF("tracing off", Map.of("MANAGEMENT_TRACING_EXPORT_ENABLED", "false",
                "TELETHERAPY_TRACING_SAMPLING_PROBABILITY", "0.0")),
        TEN_PERCENT("10% sampled", Map.of("TELETHERAPY_TRACING_SAMPLING_PROBABILITY", "0.1")),
        ALL("100% sampled", Map.of("TELETHERAPY_TRACING_SAMPLING_PROBABILITY", "1.0")),
        /** The services' setting: thread locals restored after every Reactor operator (the gateway uses "limited"). */
        TEN_PERCENT_AUTO("10%, auto propagation", Map.of("TELETHERAPY_TRACING_SAMPLING_PROBABILITY", "0.1",
                "SPRING_REACTOR_CONTEXTPROPAGATION", "auto"));

        private final String label;
        private final Map<String, String> environment;

        Mode(String label, Map<String, String> environment) {
            this.label = label;
            this.environment = environment;
        }
    }

    private record Result(Mode mode, long requests, long errors, double seconds, Latencies latencies, long spanBytes,
                          double gatewayCpuSeconds) {
        double throughput() {
            return requests / seconds;
        }

        /** The gateway process's own CPU time per request: what tracing adds, whatever the load generator costs. */
        double cpuMicrosPerRequest() {
            return gatewayCpuSeconds * 1e6 / requests;
        }
    }

    /** What the failed requests were, over the whole run. */
    private static final Map<String, Long> ERROR_KINDS = new java.util.concurrent.ConcurrentHashMap<>();

    private GatewayTracingBench() {
    }

    static void run(int seconds, int concurrency) throws Exception {
        // Without TCP_NODELAY the JDK's server sends a response's headers and body in two packets and waits for the
        // (delayed) acknowledgement in between: 40 ms per request that would be measured as the gateway's.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        Workspace workspace = Workspace.detect();
        Path jar = workspace.serviceJar("gateway");
        HttpServer upstream = server(exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/calendar");
            exchange.sendResponseHeaders(200, FEED.length);
            exchange.getResponseBody().write(FEED);
            exchange.close();
        });
        AtomicLong spanBytes = new AtomicLong();
        HttpServer collector = server(exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                spanBytes.addAndGet(body.transferTo(java.io.OutputStream.nullOutputStream()));
            }
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .executor(Executors.newFixedThreadPool(2)).build();
        Path logs = Files.createTempDirectory("bench-gateway-logs");
        System.out.printf("Gateway tracing benchmark: %d s per mode after 20 s warm-up, %d requests in flight, %d cores%n",
                seconds, concurrency, Runtime.getRuntime().availableProcessors());
        List<Result> results = new ArrayList<>();
        List<Mode> order = new ArrayList<>(List.of(Mode.values()));
        for (int round = 1; round <= 2; round++) {
            for (Mode mode : order) {
                results.add(measure(mode, workspace, jar, upstream, collector, spanBytes, http, logs, seconds, concurrency));
                System.out.println("  " + summary(results.get(results.size() - 1)));
            }
            java.util.Collections.reverse(order);
        }
        upstream.stop(0);
        collector.stop(0);
        System.out.println();
        if (!ERROR_KINDS.isEmpty()) {
            System.out.println("failed requests by kind: " + ERROR_KINDS);
        }
        Map<Mode, double[]> byMode = new LinkedHashMap<>();
        for (Result result : results) {
            double[] sums = byMode.computeIfAbsent(result.mode(), m -> new double[2]);
            sums[0] += result.throughput() / 2;
            sums[1] += result.cpuMicrosPerRequest() / 2;
        }
        double[] off = byMode.get(Mode.OFF);
        System.out.println("mean of both rounds:");
        for (Map.Entry<Mode, double[]> entry : byMode.entrySet()) {
            double[] mode = entry.getValue();
            System.out.printf("%-26s %6.0f requests/s (%+5.1f%%)   gateway CPU %5.0f µs/request (%+5.1f%%)%n",
                    entry.getKey().label, mode[0], (mode[0] / off[0] - 1) * 100, mode[1], (mode[1] / off[1] - 1) * 100);
        }
        System.out.println("The load generator and the stand-ins share the machine with the gateway: throughput moves"
                + " with them, CPU per request is the gateway's own.");
    }

    private static Result measure(Mode mode, Workspace workspace, Path jar, HttpServer upstream, HttpServer collector,
                                  AtomicLong spanBytes, HttpClient http, Path logs, int seconds, int concurrency)
            throws Exception {
        int port = Ports.free();
        Map<String, String> env = new LinkedHashMap<>(mode.environment);
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("MANAGEMENT_SERVER_PORT", String.valueOf(Ports.free()));
        env.put("TELETHERAPY_ROUTES_SESSIONS_URI", "http://127.0.0.1:" + upstream.getAddress().getPort());
        // One load generator is one caller: the per-caller limit would measure itself.
        env.put("TELETHERAPY_GATEWAY_RATELIMIT_ENABLED", "false");
        env.put("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENABLED", "true");
        env.put("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT",
                "http://127.0.0.1:" + collector.getAddress().getPort() + "/api/v2/spans");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.addAll(List.of("-jar", jar.toString()));
        ChildProcess gateway = ChildProcess.start("gateway", command, env, workspace.root(),
                logs.resolve("gateway-" + mode.name().toLowerCase() + ".log"));
        try {
            String base = "http://127.0.0.1:" + port;
            gateway.awaitHealthy(URI.create(base + "/readyz"), Duration.ofMinutes(2), s -> { });
            URI target = URI.create(base + PATH);
            load(http, target, concurrency, Duration.ofSeconds(20), new Latencies("warm-up"), new AtomicLong());
            long spansBefore = spanBytes.get();
            Latencies latencies = new Latencies(mode.label);
            AtomicLong errors = new AtomicLong();
            double cpuBefore = ProcessCpu.secondsOf(gateway.pid());
            long started = System.nanoTime();
            long requests = load(http, target, concurrency, Duration.ofSeconds(seconds), latencies, errors);
            double elapsed = (System.nanoTime() - started) / 1e9;
            double cpu = ProcessCpu.secondsOf(gateway.pid()) - cpuBefore;
            // The exporter sends every few seconds: let the last batch of this run arrive before counting.
            Thread.sleep(6_000);
            return new Result(mode, requests, errors.get(), elapsed, latencies, spanBytes.get() - spansBefore, cpu);
        } finally {
            gateway.stop(Duration.ofSeconds(10));
        }
    }

    /** {@code concurrency} request chains, each sending its next request when the previous one answered. */
    private static long load(HttpClient http, URI target, int concurrency, Duration duration, Latencies latencies,
                             AtomicLong errors) {
        long deadline = System.nanoTime() + duration.toNanos();
        HttpRequest request = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(10)).GET().build();
        AtomicLong completed = new AtomicLong();
        List<CompletableFuture<Void>> chains = new ArrayList<>();
        for (int i = 0; i < concurrency; i++) {
            chains.add(chain(http, request, deadline, latencies, completed, errors));
        }
        CompletableFuture.allOf(chains.toArray(CompletableFuture[]::new)).join();
        return completed.get();
    }

    private static CompletableFuture<Void> chain(HttpClient http, HttpRequest request, long deadline, Latencies latencies,
                                                 AtomicLong completed, AtomicLong errors) {
        if (System.nanoTime() >= deadline) {
            return CompletableFuture.completedFuture(null);
        }
        long sent = System.nanoTime();
        return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, failure) -> {
                    latencies.record(System.nanoTime() - sent);
                    completed.incrementAndGet();
                    if (failure != null || response.statusCode() != 200) {
                        errors.incrementAndGet();
                        ERROR_KINDS.merge(failure != null ? rootCause(failure).getClass().getSimpleName()
                                : "HTTP " + response.statusCode(), 1L, Long::sum);
                    }
                    return null;
                })
                .thenCompose(ignored -> chain(http, request, deadline, latencies, completed, errors));
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static String summary(Result result) {
        return String.format("%s  %5.0f req/s  gateway CPU %4.0f µs/request  errors=%d  spans exported: %d KB",
                result.latencies().summary(), result.throughput(), result.cpuMicrosPerRequest(), result.errors(),
                result.spanBytes() / 1024);
    }

    private static HttpServer server(com.sun.net.httpserver.HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.createContext("/", handler);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        return server;
    }
}
