package org.teletherapy.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.devstack.Platform;
import org.teletherapy.devstack.Ports;
import org.teletherapy.devstack.PrometheusServer;
import org.teletherapy.devstack.Workspace;
import org.teletherapy.testsupport.KeycloakEndpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The whole platform, started by the devstack's own code on free ports, used only through the gateway with real
 * tokens from Keycloak.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// Last: it stops a service at the end.
@Order(100)
class PlatformTest {

    static final Path LOGS = RunningPlatform.LOGS;
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    static Platform platform;
    static WebTestClient gateway;
    static KeycloakEndpoint keycloak;

    @BeforeAll
    static void useTheRunningPlatform() {
        RunningPlatform running = RunningPlatform.get();
        platform = running.platform;
        keycloak = running.keycloak;
        gateway = WebTestClient.bindToServer().baseUrl(platform.gatewayUrl()).responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    @Order(1)
    void withoutATokenTheGatewayAnswersAnUnauthorizedProblem() {
        gateway.get().uri("/api/v1/sessions").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401);
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @Order(2)
    @CsvSource({
            "client1,    /api/v1/sessions,    200",
            "client1,    /api/v1/assignments, 200",
            "client1,    /api/v1/notes,       403",
            "therapist1, /api/v1/sessions,    200",
            "therapist1, /api/v1/notes,       200",
            "therapist1, /api/v1/assignments, 200",
            "operator1,  /api/v1/sessions,    403",
            "operator1,  /api/v1/notes,       403",
            "operator1,  /api/v1/assignments, 403",
    })
    void eachRoleReachesWhatItShouldThroughTheGateway(String user, String path, int status) {
        var response = gateway.get().uri(path).headers(h -> h.setBearerAuth(keycloak.accessToken(user))).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().exists("X-Request-Id");
        if (status != 200) {
            response.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    @Order(3)
    void theDemoRosterAndAPrivateCalendarFeedWorkThroughTheGateway() {
        String token = keycloak.accessToken("client1");
        gateway.get().uri("/api/v1/care-team").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].therapistId").isEqualTo("2f1d5a0e-6b0a-4c1e-9a51-000000000101");
        String feed = (String) gateway.post().uri("/api/v1/calendar/feed").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isCreated().expectBody(java.util.Map.class).returnResult().getResponseBody().get("url");
        // Calendar apps poll without a bearer token: the gateway lets the feed through, the service checks its secret.
        gateway.get().uri(feed).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/calendar");
        gateway.get().uri("/api/v1/calendar/feeds/not-a-real-token.ics").exchange().expectStatus().isNotFound();
    }

    @Test
    @Order(4)
    void everyDemoUserGoesThroughTheirDay() {
        new DemoScenario(gateway, keycloak).run();
    }

    @Test
    @Order(5)
    void aBookingIsOneTraceFromTheGatewayThroughTheSessionsServiceToConsumersInOtherServices() {
        // Twenty bookings' traces, each through every consumer, are more than the client's default 256 KB.
        WebTestClient zipkin = WebTestClient.bindToServer().baseUrl(platform.zipkin().url())
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024)).build();
        // Spans reach Zipkin in batches, a few seconds after the request.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            List<List<Map<String, Object>>> traces = zipkin.get()
                    .uri("/api/v2/traces?serviceName=sessions-service&spanName={span}&limit=20", "http post /api/v1/sessions")
                    .exchange().expectStatus().isOk()
                    .expectBody(new ParameterizedTypeReference<List<List<Map<String, Object>>>>() { })
                    .returnResult().getResponseBody();
            assertThat(traces).as("booking traces").isNotEmpty().anySatisfy(trace -> {
                assertThat(spans(trace, "gateway", "SERVER")).as("the gateway's span").isNotEmpty();
                assertThat(spans(trace, "sessions-service", "SERVER")).as("the sessions-service's span").isNotEmpty();
                assertThat(spans(trace, "sessions-service", "PRODUCER")).as("the Kafka send").isNotEmpty();
                assertThat(spans(trace, "notes-service", "CONSUMER").size() + spans(trace, "exercises-service", "CONSUMER").size())
                        .as("a consumer in another service").isPositive();
            });
        });
    }

    private static List<Map<String, Object>> spans(List<Map<String, Object>> trace, String service, String kind) {
        return trace.stream()
                .filter(span -> service.equals(((Map<?, ?>) span.get("localEndpoint")).get("serviceName")))
                .filter(span -> kind.equals(span.get("kind")))
                .toList();
    }

    @Test
    @Order(6)
    void operatorsSeeEveryComponentAndTodaysCountsInTheOverview() {
        gateway.get().uri("/api/v1/ops/overview").headers(h -> h.setBearerAuth(keycloak.accessToken("operator1")))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.keycloak").isEqualTo("UP")
                .jsonPath("$.services.length()").isEqualTo(4)
                .jsonPath("$.services[*].database").value(states -> assertThat((List<Object>) states).containsOnly("UP"))
                .jsonPath("$.services[*].kafka").value(states -> assertThat((List<Object>) states).containsOnly("UP"))
                .jsonPath("$.scheduling.bookedToday").value(booked -> assertThat(((Number) booked).longValue()).isGreaterThanOrEqualTo(3))
                .jsonPath("$.safety.openAlerts").isNumber();
        for (String notAnOperator : List.of("client1", "therapist1")) {
            gateway.get().uri("/api/v1/ops/overview").headers(h -> h.setBearerAuth(keycloak.accessToken(notAnOperator)))
                    .exchange().expectStatus().isForbidden();
        }
    }

    @Test
    @Order(7)
    void afterEveryonesDayNoMetricsLogsTracesOrOverviewNameAnyone() throws IOException {
        Map<String, String> places = new LinkedHashMap<>();
        for (Platform.App app : Platform.App.values()) {
            places.put(app.module() + " /actuator/prometheus", fetch(platform.managementUrl(app) + "/actuator/prometheus"));
        }
        places.put("GET /api/v1/ops/overview", gateway.get().uri("/api/v1/ops/overview")
                .headers(h -> h.setBearerAuth(keycloak.accessToken("operator1"))).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        places.put("Zipkin's traces", fetch(platform.zipkin().url() + "/api/v2/traces?lookback=3600000&limit=10000"));
        // Our applications' logs, both formats, and PostgreSQL's and Kafka's. Keycloak's own log is left out: it is
        // the identity provider, whose job is to know these people.
        try (Stream<Path> logs = Files.list(LOGS)) {
            for (Path log : logs.filter(log -> !log.getFileName().toString().startsWith("keycloak")).toList()) {
                places.put(log.getFileName().toString(), Files.readString(log));
            }
        }
        assertThat(places).containsKeys("sessions-service.jsonl", "exercises-service.log", "postgres.log");

        List<String> identifiers = new ArrayList<>(DemoScenario.INVITED.values());
        DemoScenario.PEOPLE.forEach(person -> identifiers.addAll(person.identifiers()));
        places.forEach((place, text) -> assertThat(identifiers).as(place).allSatisfy(identifier ->
                assertThat(Pattern.compile("\\b" + Pattern.quote(identifier) + "\\b", Pattern.CASE_INSENSITIVE).matcher(text).find())
                        .as("%s names %s", place, identifier).isFalse()));
    }

    /** A whole response body, however large (WebTestClient buffers at most 256 KB). */
    private static String fetch(String url) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(url).isEqualTo(200);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    @Order(8)
    void prometheusScrapesEveryApplicationAndSeesTheDaysBookings() throws Exception {
        // Debian's package (what .ci/run installs, next to promtool) is the oldest Prometheus we support.
        Path binary = PrometheusServer.binary().orElseThrow(() -> new AssertionError(
                "Prometheus is needed for this test: " + PrometheusServer.HOW_TO_INSTALL));
        Map<String, String> targets = new LinkedHashMap<>();
        for (Platform.App app : Platform.App.values()) {
            targets.put(app.module(), "127.0.0.1:" + new URI(platform.managementUrl(app)).getPort());
        }
        Path work = Files.createTempDirectory(Files.createDirectories(Path.of("target").toAbsolutePath()), "prometheus");
        try (PrometheusServer prometheus = PrometheusServer.launch(binary, Ports.free(), targets,
                Workspace.detect().root().resolve("observability/prometheus/rules"), Duration.ofSeconds(2), work,
                LOGS.resolve("prometheus.log"))) {
            prometheus.awaitReady(Duration.ofSeconds(60));
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                JsonNode active = JSON.readTree(prometheus.targets()).path("data").path("activeTargets");
                Map<String, String> health = new LinkedHashMap<>();
                active.forEach(target -> health.put(target.path("labels").path("job").asText(),
                        target.path("health").asText() + " " + target.path("lastError").asText()));
                assertThat(health).containsOnlyKeys("gateway", "sessions-service", "notes-service", "exercises-service",
                        "notifications-service", "web", "prometheus").allSatisfy((job, state) -> assertThat(state).as(job).isEqualTo("up "));
            });
            JsonNode booked = JSON.readTree(prometheus.query("sum(teletherapy_sessions_booked_total)"))
                    .path("data").path("result").path(0).path("value").path(1);
            assertThat(booked.asDouble()).as("bookings counted").isGreaterThanOrEqualTo(3);
            // What the rules and dashboards read, from the jobs that should have it.
            Map<String, List<String>> expected = Map.of(
                    "spring_cloud_gateway_requests_seconds_bucket", List.of("gateway"),
                    "http_server_requests_seconds_bucket", List.of("gateway", "sessions-service", "notes-service", "exercises-service", "web"),
                    "r2dbc_pool_acquired_connections", List.of("sessions-service", "notes-service", "exercises-service"),
                    "teletherapy_outbox_oldest_age_seconds", List.of("sessions-service", "notes-service", "exercises-service"),
                    "kafka_consumer_fetch_manager_records_lag_max", List.of("notes-service", "exercises-service"),
                    "kafka_producer_record_send_total", List.of("sessions-service", "exercises-service"),
                    "teletherapy_safety_alerts_open", List.of("exercises-service"));
            expected.forEach((metric, jobs) -> {
                List<String> found = new ArrayList<>();
                try {
                    JSON.readTree(prometheus.query("count by (job) (" + metric + ")")).path("data").path("result")
                            .forEach(series -> found.add(series.path("metric").path("job").asText()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                assertThat(found).as(metric).containsAll(jobs);
            });
        }
    }

    @Test
    @Order(9)
    void applicationsWriteJsonLogLinesWithServiceTraceAndRequestIds() throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (Platform.App app : Platform.App.values()) {
            for (String line : Files.readAllLines(LOGS.resolve(app.module() + ".jsonl"))) {
                JsonNode json = JSON.readTree(line);
                assertThat(json.path("service").path("name").asText()).isEqualTo(app.module());
                lines.add(json);
            }
        }
        // The safety alert raised by the PHQ-9 hand-in is logged while handling that request.
        JsonNode alert = lines.stream().filter(line -> line.path("message").asText().startsWith("safety alert"))
                .filter(line -> line.path("message").asText().contains("raised")).findFirst().orElseThrow();
        assertThat(alert.path("traceId").asText()).matches("[0-9a-f]{32}");
        assertThat(alert.path("spanId").asText()).matches("[0-9a-f]{16}");
        assertThat(alert.path("requestId").asText()).isNotBlank();
    }

    @Test
    @Order(10)
    void everyOperationTheReadmesNameIsInADocumentTheGatewayServesWithoutAToken() throws IOException {
        Set<String> documented = new TreeSet<>();
        for (String document : List.of("sessions", "notes", "exercises", "notifications", "gateway")) {
            JsonNode paths = JSON.readTree(gateway.get().uri("/v3/api-docs/" + document).exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).returnResult().getResponseBody()).path("paths");
            paths.properties().forEach(path -> path.getValue().fieldNames().forEachRemaining(method ->
                    documented.add(method.toUpperCase(Locale.ROOT) + " " + ApiTables.normalise(path.getKey()))));
        }
        Path root = Workspace.detect().root();
        for (String readme : List.of("README.md", "notes-service/README.md", "exercises-service/README.md")) {
            Set<String> named = ApiTables.operations(Files.readString(root.resolve(readme)));
            assertThat(named).as("operations the API table of %s names", readme).isNotEmpty();
            assertThat(documented).as("operations of the OpenAPI documents, against %s", readme).containsAll(named);
        }
    }

    @Test
    @Order(11)
    void aStoppedServiceGivesAServiceUnavailableProblemFromTheGateway() {
        platform.stopApp(Platform.App.NOTES);
        String requestId = gateway.get().uri("/api/v1/notes").headers(h -> h.setBearerAuth(keycloak.accessToken("therapist1"))).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.service").isEqualTo("notes-service")
                .returnResult().getResponseHeaders().getFirst("X-Request-Id");
        // The gateway's warning about it names the request a caller can quote, and its trace.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            JsonNode warning = null;
            for (String line : Files.readAllLines(LOGS.resolve("gateway.jsonl"))) {
                JsonNode json = JSON.readTree(line);
                if (json.path("message").asText().contains("fallback for notes-service")) {
                    warning = json;
                }
            }
            assertThat(warning).as("the gateway's fallback warning").isNotNull();
            assertThat(warning.path("requestId").asText()).isEqualTo(requestId);
            assertThat(warning.path("traceId").asText()).matches("[0-9a-f]{32}");
        });
        // The other services are unaffected.
        gateway.get().uri("/api/v1/sessions").headers(h -> h.setBearerAuth(keycloak.accessToken("therapist1"))).exchange()
                .expectStatus().isOk();
        // Operators see which one is missing.
        gateway.get().uri("/api/v1/ops/overview").headers(h -> h.setBearerAuth(keycloak.accessToken("operator1")))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("DEGRADED")
                .jsonPath("$.services[?(@.service == 'notes-service')].status").isEqualTo(List.of("DOWN"))
                .jsonPath("$.services[?(@.service == 'sessions-service')].status").isEqualTo(List.of("UP"));
    }
}
