package org.teletherapy.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.teletherapy.devstack.Devstack;
import org.teletherapy.devstack.Platform;
import org.teletherapy.devstack.Secrets;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Page times of the web app as browsers get them: the whole platform on free ports, {@code users} browser sessions
 * signed in through Keycloak's login form, each asking for the home page, a week of free times and a PHQ-9 in turn
 * for {@code seconds}, through the gateway: once with a second between clicks, once without any pause (the
 * machine's saturation). Prints p50/p95/p99 per page.
 */
final class PageTimeBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String THERAPIST1 = "2f1d5a0e-6b0a-4c1e-9a51-000000000101";
    static final Map<String, String> CLIENTS = Map.of(
            "client1", "2f1d5a0e-6b0a-4c1e-9a51-000000000201", "client2", "2f1d5a0e-6b0a-4c1e-9a51-000000000202");
    private static final String PHQ9 = "7b1f0000-0000-4000-8000-000000000009";
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*action=\"([^\"]+)\"");

    private PageTimeBench() {
    }

    /** One signed-in browser: its own cookies (the web app's session, Keycloak's) and the pages it asks for. */
    record Browser(String gateway, HttpClient http, Map<String, String> pages) {
    }

    static void run(int users, int seconds, int warmUpSeconds) throws Exception {
        List<String> jvmOptions = jvmOptions();
        try (Platform platform = BenchPlatform.start(Secrets.random())) {
            String gateway = platform.gatewayUrl();
            HttpClient api = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String tokenEndpoint = BenchPlatform.tokenEndpoint(platform);
            String therapist = token(api, tokenEndpoint, "therapist1");
            openCalendar(api, gateway, therapist);
            Map<String, String> questionnaires = new LinkedHashMap<>();
            for (Map.Entry<String, String> client : CLIENTS.entrySet()) {
                questionnaires.put(client.getKey(), assignPhq9(api, gateway, therapist, client.getValue()));
            }

            List<Browser> browsers = new ArrayList<>();
            List<String> names = new ArrayList<>(CLIENTS.keySet());
            for (int i = 0; i < users; i++) {
                String user = names.get(i % names.size());
                browsers.add(signIn(gateway, user, pages(
                        "home", "/",
                        "slots", "/book/" + THERAPIST1 + "?week=1",
                        "questionnaire", "/homework/" + questionnaires.get(user))));
            }
            measure(platform, browsers, users, seconds, warmUpSeconds, jvmOptions);
        }
    }

    /**
     * The therapist workspace: {@code users} signed-in sessions of therapist1 (the demo has two therapists; the web
     * app and the services see as many sessions and tokens as with as many people), each asking for the week, the
     * caseload, client1's page and a draft note in its editor.
     */
    static void runWorkspace(int users, int seconds, int warmUpSeconds) throws Exception {
        List<String> jvmOptions = jvmOptions();
        try (Platform platform = BenchPlatform.start(Secrets.random())) {
            String gateway = platform.gatewayUrl();
            HttpClient api = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            String tokenEndpoint = BenchPlatform.tokenEndpoint(platform);
            String therapist = token(api, tokenEndpoint, "therapist1");
            String client = token(api, tokenEndpoint, "client1");
            openCalendar(api, gateway, therapist);
            assignPhq9(api, gateway, therapist, CLIENTS.get("client1"));
            Instant now = Instant.now();
            String start = send(api, HttpRequest.newBuilder(URI.create(gateway + "/api/v1/therapists/" + THERAPIST1
                    + "/slots?from=" + now + "&to=" + now.plus(14, ChronoUnit.DAYS)))
                    .header("Authorization", "Bearer " + client), 200).path(0).path("start").asText();
            String session = send(api, HttpRequest.newBuilder(URI.create(gateway + "/api/v1/sessions"))
                    .header("Authorization", "Bearer " + client).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"therapistId\":\"" + THERAPIST1 + "\",\"start\":\""
                            + start + "\"}")), 201).path("id").asText();
            String note = draftNote(api, gateway, therapist, session);

            List<Browser> browsers = new ArrayList<>();
            for (int i = 0; i < users; i++) {
                browsers.add(signIn(gateway, "therapist1", pages(
                        "week", "/week",
                        "caseload", "/clients",
                        "client", "/clients/" + CLIENTS.get("client1"),
                        "note-editor", "/notes/" + note)));
            }
            measure(platform, browsers, users, seconds, warmUpSeconds, jvmOptions);
        }
    }

    /** Notes learn of sessions by event: the first tries may come before it. */
    private static String draftNote(HttpClient http, String gateway, String therapist, String session) throws Exception {
        return createOnceKnown(http, gateway + "/api/v1/notes", therapist, "{\"sessionId\":\"" + session
                + "\",\"kind\":\"progress\",\"content\":\"Draft for the benchmark.\"}", "the draft note");
    }

    /** Page names to paths, in the order a browser asks for them. */
    private static Map<String, String> pages(String... namesAndPaths) {
        Map<String, String> pages = new LinkedHashMap<>();
        for (int i = 0; i < namesAndPaths.length; i += 2) {
            pages.put(namesAndPaths[i], namesAndPaths[i + 1]);
        }
        return pages;
    }

    private static void measure(Platform platform, List<Browser> browsers, int users, int seconds, int warmUpSeconds,
                                List<String> jvmOptions) throws Exception {
        List<String> pageNames = List.copyOf(browsers.get(0).pages().keySet());
        // A running platform has compiled its hot code long ago; a fresh one spends minutes of both cores in its
        // JIT compilers, and those minutes would be measured as page time.
        browse(browsers, Duration.ofSeconds(warmUpSeconds), Duration.ZERO, latencies("warm-up", pageNames));
        ProcessCpu cpu = new ProcessCpu(components(platform),
                Map.of("bench+kafka", ProcessHandle.current().pid()));
        System.out.printf("Services run with %s; %d s of warm-up%n", String.join(" ", jvmOptions), warmUpSeconds);
        // People read a page before the next click; without a pause the run measures the machine's saturation.
        for (Duration think : List.of(Duration.ofSeconds(1), Duration.ZERO)) {
            Map<String, Latencies> measured = latencies("page", pageNames);
            Map<String, Double> cpuBefore = cpu.seconds();
            long started = System.nanoTime();
            browse(browsers, Duration.ofSeconds(seconds), think, measured);
            double took = (System.nanoTime() - started) / 1e9;
            long pages = measured.values().stream().mapToLong(Latencies::count).sum();
            System.out.printf("Page times: %d signed-in browsers, %d ms between clicks, %d s through the gateway, "
                            + "%d cores, %.0f pages/s%n", users, think.toMillis(), seconds,
                    Runtime.getRuntime().availableProcessors(), pages / took);
            measured.values().forEach(latency -> System.out.println(latency.summary()));
            System.out.println("  CPU per page: " + cpuPerPage(cpuBefore, cpu.seconds(), pages));
        }
    }

    /** The devstack's own JVM options (what the budget is about), or BENCH_JVM_OPTIONS to compare others. */
    static List<String> jvmOptions() {
        String chosen = System.getenv("BENCH_JVM_OPTIONS");
        return chosen == null || chosen.isBlank() ? Devstack.SERVICE_JVM_OPTIONS : List.of(chosen.trim().split("\\s+"));
    }

    /**
     * The platform's processes. This JVM (the browsers and the Kafka broker) is measured beside them, and Zipkin
     * stands for a deployment's trace store: both are printed, neither counts in the platform's total.
     */
    private static Map<String, Long> components(Platform platform) {
        Map<String, Long> components = new LinkedHashMap<>();
        platform.childPids().forEach((component, pid) -> components.put(component.replace("-service", ""), pid));
        platform.postgresPid().ifPresent(pid -> components.put("postgres", pid));
        return components;
    }

    private static String cpuPerPage(Map<String, Double> before, Map<String, Double> after, long pages) {
        StringBuilder line = new StringBuilder();
        double total = 0;
        for (Map.Entry<String, Double> component : after.entrySet()) {
            double millis = (component.getValue() - before.getOrDefault(component.getKey(), 0.0)) * 1000 / pages;
            total += component.getKey().startsWith("bench") || component.getKey().equals("zipkin") ? 0 : millis;
            line.append(String.format("%s %.1f ms, ", component.getKey(), millis));
        }
        return line.append(String.format("platform in all %.1f ms", total)).toString();
    }

    private static Map<String, Latencies> latencies(String label, List<String> pageNames) {
        Map<String, Latencies> byPage = new LinkedHashMap<>();
        for (String page : pageNames) {
            byPage.put(page, new Latencies(label + " " + page));
        }
        return byPage;
    }

    /** Each browser asks for its pages one after the other, as a person clicking quickly would. */
    private static void browse(List<Browser> browsers, Duration duration, Duration think,
                               Map<String, Latencies> latencies) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(browsers.size());
        AtomicInteger limited = new AtomicInteger();
        AtomicInteger stuckPages = new AtomicInteger();
        Map<String, AtomicInteger> failed = new java.util.concurrent.ConcurrentSkipListMap<>();
        Instant until = Instant.now().plus(duration);
        List<Future<?>> done = new ArrayList<>();
        for (Browser browser : browsers) {
            done.add(pool.submit(() -> {
                while (Instant.now().isBefore(until)) {
                    for (Map.Entry<String, String> page : browser.pages().entrySet()) {
                        long start = System.nanoTime();
                        HttpResponse<String> response;
                        try {
                            response = browser.http().send(
                                    HttpRequest.newBuilder(URI.create(browser.gateway() + page.getValue()))
                                            .header("Accept", "text/html").timeout(Duration.ofSeconds(30)).GET().build(),
                                    HttpResponse.BodyHandlers.ofString());
                        } catch (HttpTimeoutException stuck) {
                            // No answer within 30 s: counted, not timed, so one stuck request does not end the run.
                            stuckPages.incrementAndGet();
                            continue;
                        }
                        long took = System.nanoTime() - start;
                        if (response.statusCode() == 429) {
                            // The gateway's per-address limit: every bench browser comes from one address. A person
                            // would wait before trying again, as the answer asks; hammering would measure the refusals.
                            limited.incrementAndGet();
                            Thread.sleep(1000L * response.headers().firstValueAsLong("Retry-After").orElse(1));
                        } else if (response.statusCode() >= 500) {
                            // The platform saying it is overloaded (a gateway time limit ran out): counted and
                            // printed, so that a saturated run still reports what it measured.
                            failed.computeIfAbsent(page.getKey() + " " + response.statusCode(),
                                    key -> new AtomicInteger()).incrementAndGet();
                        } else if (response.statusCode() != 200) {
                            throw new IllegalStateException(page.getKey() + " answered " + response.statusCode());
                        } else {
                            latencies.get(page.getKey()).record(took);
                        }
                        Thread.sleep(think.toMillis());
                    }
                }
                return null;
            }));
        }
        try {
            for (Future<?> each : done) {
                each.get();
            }
        } finally {
            pool.shutdownNow();
        }
        if (stuckPages.get() > 0) {
            System.out.printf("  %d pages got no answer within 30 s, not counted above%n", stuckPages.get());
        }
        if (!failed.isEmpty()) {
            System.out.printf("  pages that answered with a server error, not counted above: %s%n", failed);
        }
        if (limited.get() > 0) {
            System.out.printf("  %d pages refused by the gateway's rate limit (429), not counted above%n", limited.get());
        }
    }

    /** Through Keycloak's own login form, as a browser does: the web app's session cookie is the result. */
    static Browser signIn(String gateway, String user, Map<String, String> pages)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new LoopbackCookies())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(gateway + "/")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher action = FORM_ACTION.matcher(login.body());
        if (!action.find()) {
            throw new IllegalStateException("no Keycloak login form at " + login.uri());
        }
        String form = "username=" + user + "&password=demo&credentialId=";
        HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(action.group(1).replace("&amp;", "&")))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (home.statusCode() != 200 || !home.uri().toString().startsWith(gateway)) {
            throw new IllegalStateException(user + " was not signed in: " + home.statusCode() + " at " + home.uri());
        }
        return new Browser(gateway, http, pages);
    }

    /**
     * Cookies as a browser keeps them on localhost, which browsers treat as a secure origin: Keycloak's login cookies
     * are marked Secure, and Java's cookie manager would hold them back over plain http.
     */
    private static final class LoopbackCookies extends CookieHandler {
        private final CookieManager cookies = new CookieManager();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            return cookies.get(secure(uri), headers);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            cookies.put(secure(uri), headers);
        }

        private static URI secure(URI uri) {
            return URI.create(uri.toString().replaceFirst("^http:", "https:"));
        }
    }

    private static void openCalendar(HttpClient http, String gateway, String therapist) throws Exception {
        StringBuilder weekly = new StringBuilder();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            weekly.append(weekly.isEmpty() ? "" : ",")
                    .append("{\"day\":\"").append(day).append("\",\"start\":\"08:00\",\"end\":\"18:00\"}");
        }
        send(http, HttpRequest.newBuilder(URI.create(gateway + "/api/v1/availability"))
                .header("Authorization", "Bearer " + therapist).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"timeZone\":\"Europe/Berlin\",\"sessionMinutes\":50,"
                        + "\"bufferMinutes\":10,\"weekly\":[" + weekly + "]}")), 200);
    }

    /** The roster reaches exercises-service by event: the first tries may come before it. */
    static String assignPhq9(HttpClient http, String gateway, String therapist, String clientId) throws Exception {
        return createOnceKnown(http, gateway + "/api/v1/assignments", therapist, "{\"clientId\":\"" + clientId
                + "\",\"templateId\":\"" + PHQ9 + "\",\"dueAt\":\""
                + Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS) + "\"}", "the PHQ-9");
    }

    /** POSTs until the service answers 201 (it learns sessions and rosters by event), a minute at most; the new id. */
    private static String createOnceKnown(HttpClient http, String url, String token, String body, String what)
            throws Exception {
        for (int attempt = 0; attempt < 60; attempt++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 201) {
                return JSON.readTree(response.body()).path("id").asText();
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException(what + " could not be created");
    }

    static JsonNode send(HttpClient http, HttpRequest.Builder request, int status) throws Exception {
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != status) {
            throw new IllegalStateException(request.build().uri().getPath() + " answered " + response.statusCode());
        }
        return JSON.readTree(response.body());
    }

    static String token(HttpClient http, String endpoint, String user) throws Exception {
        String form = "grant_type=password&client_id=teletherapy-cli&username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
                + "&password=demo";
        return send(http, HttpRequest.newBuilder(URI.create(endpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)), 200).path("access_token").asText();
    }
}
