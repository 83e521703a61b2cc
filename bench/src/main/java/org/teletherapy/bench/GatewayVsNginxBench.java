package org.teletherapy.bench;

import org.teletherapy.devstack.ChildProcess;
import org.teletherapy.devstack.Platform;
import org.teletherapy.devstack.Ports;
import org.teletherapy.devstack.Progress;
import org.teletherapy.devstack.Secrets;
import org.teletherapy.devstack.Workspace;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gateway beside nginx, in one run on this machine: a 1 KB JSON answer served by nginx directly, through nginx
 * as a reverse proxy, and through the real gateway jar with a real Keycloak token (fresh from start, then warm) and
 * on a public path without a token. The load is {@code wrk -t1} pinned to the second core; the proxy under test is
 * pinned to the first, so "per request on one core" is what the CPU column says. CPU is read from /proc for the
 * proxy's process alone (the backend nginx and wrk are not counted).
 * <p>
 * The gateway runs as deployed: metrics on, 10% of requests traced to a Zipkin, the per-account rate limit on but
 * set high (one benchmark token is one account). Keycloak, PostgreSQL and Zipkin of a platform without applications
 * stand idle beside it.
 */
final class GatewayVsNginxBench {

    private static final String API_PATH = "/api/v1/sessions";
    private static final String PUBLIC_PATH = "/api/v1/calendar/feeds/bench-feed.ics";
    /** The cores the proxy under test may use: the first by default; BENCH_PROXY_CORES=0,1 lets it use both. */
    private static final String PROXY_CORES = System.getenv().getOrDefault("BENCH_PROXY_CORES", "0");
    private static final List<String> GATEWAY_JVM = List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx192m", "-Xss512k");
    private static final Pattern REQUESTS = Pattern.compile("(\\d+) requests in ([\\d.]+)(\\w+)");
    private static final Pattern PERCENTILE = Pattern.compile("^\\s*(50|99)(?:\\.000)?%\\s+([\\d.]+)(us|ms|s)\\s*$",
            Pattern.MULTILINE);
    private static final Pattern ERRORS = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");

    private record Row(String path, double requestsPerSecond, double p50Millis, double p99Millis, double cpuMicros,
                       long failed) {
    }

    private GatewayVsNginxBench() {
    }

    static void run(int seconds, int connections) throws Exception {
        requireTools();
        Workspace workspace = Workspace.detect();
        Path work = Files.createTempDirectory("bench-gateway-vs-nginx");
        System.out.printf("Gateway beside nginx: wrk -t1 -c%d for %d s per row, %d cores; proxy on cores %s, wrk on core 1%n",
                connections, seconds, Runtime.getRuntime().availableProcessors(), PROXY_CORES);
        List<Row> rows = new ArrayList<>();
        Platform platform = Platform.start(new Platform.Options(workspace, Platform.PortPlan.free(), null,
                Files.createDirectories(work.resolve("platform-logs")), Secrets.random(), new Progress(), List.of(), false,
                EnumSet.noneOf(Platform.App.class)));
        ChildProcess backend = null;
        ChildProcess proxy = null;
        ChildProcess gateway = null;
        try {
            int backendPort = Ports.free();
            int proxyPort = Ports.free();
            backend = nginx("backend", work, backendServer(backendPort), List.of());
            proxy = nginx("proxy", work, proxyServer(proxyPort, backendPort), List.of("taskset", "-c", PROXY_CORES));
            awaitPort(backendPort);
            awaitPort(proxyPort);

            rows.add(measure("nginx backend direct", backend.pid(), "http://127.0.0.1:" + backendPort + API_PATH,
                    null, seconds, connections));
            rows.add(measure("nginx as reverse proxy", proxy.pid(), "http://127.0.0.1:" + proxyPort + API_PATH,
                    null, seconds, connections));

            HttpClient http = HttpClient.newHttpClient();
            String tokens = BenchPlatform.tokenEndpoint(platform);
            // Once as the gateway was before the verified-token cache (every request verifies its token), once as it is.
            for (boolean cache : new boolean[]{false, true}) {
                String variant = cache ? "" : ", token cache off";
                int gatewayPort = Ports.free();
                gateway = gateway(workspace, platform, work, gatewayPort, backendPort,
                        Map.of("TELETHERAPY_SECURITY_VERIFIEDTOKENS_ENABLED", String.valueOf(cache)));
                gateway.awaitHealthy(URI.create("http://127.0.0.1:" + gatewayPort + "/readyz"), Duration.ofMinutes(2),
                        s -> { });
                String api = "http://127.0.0.1:" + gatewayPort + API_PATH;
                rows.add(measure("gateway, Keycloak JWT, first 15 s" + variant, gateway.pid(), api,
                        PageTimeBench.token(http, tokens, "client1"), 15, connections));
                wrk(api, PageTimeBench.token(http, tokens, "client1"), 30, connections); // warm-up, not measured
                rows.add(measure("gateway, Keycloak JWT, warm" + variant, gateway.pid(), api,
                        PageTimeBench.token(http, tokens, "client1"), seconds, connections));
                if (cache) {
                    rows.add(measure("gateway, public path, warm", gateway.pid(),
                            "http://127.0.0.1:" + gatewayPort + PUBLIC_PATH, null, seconds, connections));
                    break;
                }
                System.out.printf("  gateway RSS: %d MB%n", rssMegabytes(gateway.pid()));
                gateway.stop(Duration.ofSeconds(10));
            }
            System.out.printf("  gateway RSS: %d MB%n", rssMegabytes(gateway.pid()));
        } finally {
            for (ChildProcess process : new ChildProcess[]{gateway, proxy, backend}) {
                if (process != null) {
                    process.stop(Duration.ofSeconds(10));
                }
            }
            platform.close();
        }
        print(rows);
    }

    /** nginx and wrk from Debian; bench/run installs them when they are missing. */
    private static void requireTools() {
        for (String tool : List.of("nginx", "wrk", "taskset")) {
            if (!onPath(tool)) {
                throw new IllegalStateException(tool + " is not installed (bench/run installs nginx and wrk with apt-get)");
            }
        }
    }

    private static boolean onPath(String tool) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(directory, tool))) {
                return true;
            }
        }
        return Files.isExecutable(Path.of("/usr/sbin", tool));
    }

    private static String backendServer(int port) {
        // The body is the kind of list an API answers, about 1 KB.
        StringBuilder body = new StringBuilder("[");
        for (int i = 0; i < 5; i++) {
            body.append(i == 0 ? "" : ",").append("{\"id\":\"6a000000-0000-4000-8000-00000000000").append(i)
                    .append("\",\"therapistId\":\"2f1d5a0e-6b0a-4c1e-9a51-000000000101\",\"start\":\"2026-12-0")
                    .append(i + 1).append("T09:00:00Z\",\"end\":\"2026-12-0").append(i + 1)
                    .append("T09:50:00Z\",\"status\":\"booked\",\"videoRoom\":\"https://video.example/r/abcdef\"}");
        }
        body.append("]");
        return "server { listen 127.0.0.1:" + port + "; keepalive_requests 1000000;\n"
                + "  location / { default_type application/json; return 200 '" + body + "'; } }\n";
    }

    private static String proxyServer(int port, int backendPort) {
        return "upstream backend { server 127.0.0.1:" + backendPort + "; keepalive 64; }\n"
                + "server { listen 127.0.0.1:" + port + "; keepalive_requests 1000000;\n"
                + "  location / { proxy_pass http://backend; proxy_http_version 1.1; proxy_set_header Connection \"\"; } }\n";
    }

    /** One nginx process without a master (the CPU of one process is then the whole proxy's), in the foreground. */
    private static ChildProcess nginx(String name, Path work, String server, List<String> pin) throws IOException {
        Path prefix = Files.createDirectories(work.resolve("nginx-" + name));
        Files.createDirectories(prefix.resolve("logs"));
        Path conf = prefix.resolve("nginx.conf");
        Files.writeString(conf, "daemon off; master_process off; worker_processes 1;\n"
                + "pid " + prefix.resolve("nginx.pid") + "; error_log " + prefix.resolve("logs/error.log") + " warn;\n"
                + "events { worker_connections 4096; }\n"
                + "http { access_log off; client_body_temp_path " + prefix + "/body; proxy_temp_path " + prefix
                + "/proxy; fastcgi_temp_path " + prefix + "/fastcgi; uwsgi_temp_path " + prefix + "/uwsgi; scgi_temp_path "
                + prefix + "/scgi;\n" + server + "}\n", StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(pin);
        command.addAll(List.of(nginxBinary(), "-p", prefix.toString(), "-c", conf.toString()));
        return ChildProcess.start("nginx-" + name, command, Map.of(), work, prefix.resolve("logs/console.log"));
    }

    private static String nginxBinary() {
        return Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";
    }

    private static ChildProcess gateway(Workspace workspace, Platform platform, Path work, int port, int backendPort,
                                        Map<String, String> variant) {
        Map<String, String> env = new LinkedHashMap<>(variant);
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("MANAGEMENT_SERVER_PORT", String.valueOf(Ports.free()));
        env.put("TELETHERAPY_ISSUER_URI", platform.keycloak().issuer("teletherapy"));
        env.put("TELETHERAPY_JWK_SET_URI", platform.keycloak().jwkSetUri("teletherapy"));
        for (String route : List.of("SESSIONS", "NOTES", "EXERCISES", "NOTIFICATIONS", "WEB")) {
            env.put("TELETHERAPY_ROUTES_" + route + "_URI", "http://127.0.0.1:" + backendPort);
        }
        env.put("TELETHERAPY_OPS_KEYCLOAK_HEALTH_URI", platform.keycloak().readinessUri().toString());
        env.put("MANAGEMENT_TRACING_SAMPLING_PROBABILITY", "0.1");
        env.put("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENABLED", "true");
        env.put("MANAGEMENT_TRACING_EXPORT_ZIPKIN_ENDPOINT", platform.zipkin().spansEndpoint());
        // One token is one account: its limit (20 requests/s for a person) would measure the refusals.
        env.put("TELETHERAPY_GATEWAY_RATELIMIT_REQUESTSPERSECOND", "1000000");
        env.put("TELETHERAPY_GATEWAY_RATELIMIT_BURST", "1000000");
        List<String> command = new ArrayList<>(List.of("taskset", "-c", PROXY_CORES,
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(GATEWAY_JVM);
        command.addAll(List.of("-jar", workspace.serviceJar("gateway").toString()));
        return ChildProcess.start("gateway", command, env, workspace.root(), work.resolve("gateway-" + port + ".log"));
    }

    private static Row measure(String label, long pid, String url, String token, int seconds, int connections)
            throws Exception {
        double cpuBefore = ProcessCpu.secondsOf(pid);
        String output = wrk(url, token, seconds, connections);
        double cpu = ProcessCpu.secondsOf(pid) - cpuBefore;
        Matcher requests = REQUESTS.matcher(output);
        if (!requests.find()) {
            throw new IllegalStateException("wrk printed no result for " + label + ":\n" + output);
        }
        long count = Long.parseLong(requests.group(1));
        double elapsed = Double.parseDouble(requests.group(2)) * switch (requests.group(3)) {
            case "ms" -> 0.001;
            case "m" -> 60;
            default -> 1;
        };
        Map<String, Double> percentiles = new LinkedHashMap<>();
        Matcher percentile = PERCENTILE.matcher(output);
        while (percentile.find()) {
            percentiles.put(percentile.group(1), millis(Double.parseDouble(percentile.group(2)), percentile.group(3)));
        }
        Matcher errors = ERRORS.matcher(output);
        Row row = new Row(label, count / elapsed, percentiles.getOrDefault("50", Double.NaN),
                percentiles.getOrDefault("99", Double.NaN), cpu * 1e6 / Math.max(1, count),
                errors.find() ? Long.parseLong(errors.group(1)) : 0);
        System.out.println("  " + format(row));
        return row;
    }

    private static String wrk(String url, String token, int seconds, int connections) throws Exception {
        List<String> command = new ArrayList<>(List.of("taskset", "-c", "1", "wrk", "-t1", "-c" + connections,
                "-d" + seconds + "s", "--latency"));
        if (token != null) {
            command.addAll(List.of("-H", "Authorization: Bearer " + token));
        }
        command.add(url);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 30L, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        return output;
    }

    private static double millis(double value, String unit) {
        return switch (unit) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static void awaitPort(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("nothing listens on " + port);
    }

    private static long rssMegabytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    private static String format(Row row) {
        return String.format("%-36s %9.0f req/s  p50 %7.2f ms  p99 %7.2f ms  CPU %6.0f µs/request%s", row.path(),
                row.requestsPerSecond(), row.p50Millis(), row.p99Millis(), row.cpuMicros(),
                row.failed() > 0 ? "  non-2xx: " + row.failed() : "");
    }

    private static void print(List<Row> rows) {
        System.out.println();
        System.out.println("| path | requests/s | p50 | p99 | CPU µs per request |");
        System.out.println("|---|---|---|---|---|");
        for (Row row : rows) {
            System.out.printf("| %s | %,.0f | %.2f ms | %.2f ms | %,.0f |%n", row.path(), row.requestsPerSecond(),
                    row.p50Millis(), row.p99Millis(), row.cpuMicros());
        }
        Row proxy = rows.stream().filter(row -> row.path().startsWith("nginx as")).findFirst().orElseThrow();
        rows.stream().filter(row -> row.path().equals("gateway, Keycloak JWT, warm")).findFirst().ifPresent(warm ->
                System.out.printf("%nwarm gateway with a JWT: %.1f%% of nginx's proxy throughput, %.0f× its CPU per request"
                                + " (goals: ≥ 6,000 requests/s, p99 ≤ 10 ms, ≤ 150 µs)%n",
                        warm.requestsPerSecond() / proxy.requestsPerSecond() * 100, warm.cpuMicros() / proxy.cpuMicros()));
    }
}
