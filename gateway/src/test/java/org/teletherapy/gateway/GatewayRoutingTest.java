package org.teletherapy.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.devstack.Ports;
import org.teletherapy.testsupport.Infrastructure;
import org.teletherapy.testsupport.IntegrationTest;
import org.teletherapy.testsupport.KeycloakEndpoint;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway in front of a stand-in service (a plain HTTP server that records what reaches it), a service that is
 * down (a closed port), and real Keycloak tokens.
 */
@IntegrationTest
class GatewayRoutingTest {

    /** What the stand-in service saw last, by request path. */
    static final Map<String, Map<String, String>> SEEN = new ConcurrentHashMap<>();

    static final DisposableServer STAND_IN = HttpServer.create().host("127.0.0.1").port(0)
            .route(routes -> routes
                    .get("/api/v1/sessions", (request, response) -> {
                        SEEN.put("/api/v1/sessions", Map.of(
                                "authorization", String.valueOf(request.requestHeaders().get("Authorization")),
                                "requestId", String.valueOf(request.requestHeaders().get("X-Request-Id"))));
                        return response.header("Content-Type", "application/json").sendString(Mono.just("[]"));
                    })
                    .get("/api/v1/sessions/busy", (request, response) -> response.header("Content-Type", "application/json")
                            .sendString(Mono.delay(Duration.ofMillis(300)).thenReturn("[]")))
                    .get("/api/v1/assignments", (request, response) -> response
                            .sendString(Mono.delay(Duration.ofSeconds(6)).thenReturn("[]")))
                    // The web app's pages.
                    .get("/book", (request, response) -> {
                        SEEN.put("/book", Map.of(
                                "host", String.valueOf(request.requestHeaders().get("Host")),
                                "cookie", String.valueOf(request.requestHeaders().get("Cookie"))));
                        return response.header("Content-Type", "text/html").sendString(Mono.just("<h1>Book</h1>"));
                    }))
            .bindNow();

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("TELETHERAPY_ROUTES_SESSIONS_URI", () -> "http://127.0.0.1:" + STAND_IN.port());
        registry.add("TELETHERAPY_ROUTES_EXERCISES_URI", () -> "http://127.0.0.1:" + STAND_IN.port());
        registry.add("TELETHERAPY_ROUTES_NOTES_URI", () -> "http://127.0.0.1:" + Ports.free());
        registry.add("TELETHERAPY_ROUTES_WEB_URI", () -> "http://127.0.0.1:" + STAND_IN.port());
        registry.add("teletherapy.gateway.resilience.timeout", () -> "1500ms");
    }

    @AfterAll
    static void stopStandIn() {
        STAND_IN.disposeNow();
    }

    @Autowired
    WebTestClient web;

    final KeycloakEndpoint keycloak = Infrastructure.shared().keycloak();

    @Test
    void manyConcurrentCallsToAHealthyServiceAllGetThrough() {
        // Resilience4j's default bulkhead would admit 25 at a time and count the 26th as a failure, opening the
        // circuit for everyone; 40 at once must simply all be answered (within one caller's rate-limit burst).
        String token = keycloak.accessToken("client1");
        reactor.core.scheduler.Scheduler callers = reactor.core.scheduler.Schedulers.newBoundedElastic(40, 40, "callers");
        try {
            var statuses = reactor.core.publisher.Flux.range(0, 40)
                    .flatMap(i -> Mono.fromCallable(() -> web.get().uri("/api/v1/sessions/busy")
                                    .headers(h -> h.setBearerAuth(token)).exchange().returnResult(String.class).getStatus().value())
                            .subscribeOn(callers), 40)
                    .collectList().block(Duration.ofSeconds(60));
            assertThat(statuses).hasSize(40).containsOnly(200);
        } finally {
            callers.dispose();
        }
    }

    @Test
    void aCallWithoutATokenIsRefusedAtTheEdgeAndNeverReachesTheService() {
        SEEN.clear();
        web.get().uri("/api/v1/sessions").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401);
        assertThat(SEEN).isEmpty();
    }

    @Test
    void aTokenFromAnotherIssuerIsRefused() {
        // Signed by nobody we trust: a syntactically valid JWT with a made-up signature.
        String header = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9";
        String payload = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"iss\":\"http://evil.example/realms/teletherapy\",\"sub\":\"x\",\"exp\":9999999999}".getBytes());
        web.get().uri("/api/v1/sessions").headers(h -> h.setBearerAuth(header + "." + payload + ".c2lnbmF0dXJl")).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aValidTokenIsRelayedToTheServiceWithARequestId() {
        String token = keycloak.accessToken("client1");
        String requestId = web.get().uri("/api/v1/sessions").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectHeader().exists("X-Request-Id")
                .returnResult(String.class).getResponseHeaders().getFirst("X-Request-Id");

        assertThat(SEEN.get("/api/v1/sessions"))
                .containsEntry("authorization", "Bearer " + token)
                .containsEntry("requestId", requestId);
    }

    @Test
    void theCallersRequestIdIsKept() {
        web.get().uri("/api/v1/sessions").header("X-Request-Id", "support-ticket-42")
                .headers(h -> h.setBearerAuth(keycloak.accessToken("client1"))).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals("X-Request-Id", "support-ticket-42");
        assertThat(SEEN.get("/api/v1/sessions")).containsEntry("requestId", "support-ticket-42");
    }

    @Test
    void aServiceThatIsDownGivesAServiceUnavailableProblem() {
        web.get().uri("/api/v1/notes").headers(h -> h.setBearerAuth(keycloak.accessToken("therapist1"))).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:teletherapy:problem:service-unavailable")
                .jsonPath("$.service").isEqualTo("notes-service");
    }

    @Test
    void aSlowServiceGivesAGatewayTimeoutProblemWithinTheConfiguredTime() {
        long started = System.nanoTime();
        web.get().uri("/api/v1/assignments").headers(h -> h.setBearerAuth(keycloak.accessToken("client1"))).exchange()
                .expectStatus().isEqualTo(504)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:service-timeout");
        // Behaviour, not speed: the caller is answered long before the 6 s the service would take.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void healthIsOpenWithoutAToken() {
        web.get().uri("/readyz").exchange().expectStatus().isOk();
        web.get().uri("/livez").exchange().expectStatus().isOk();
    }

    @Test
    void metricsAreServedOnTheManagementPortOnly(@LocalManagementPort int managementPort) {
        web.get().uri("/actuator/prometheus").exchange().expectStatus().value(status -> assertThat(status).isNotEqualTo(200));
        web.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(keycloak.accessToken("operator1"))).exchange()
                .expectStatus().value(status -> assertThat(status).isNotEqualTo(200));
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
        management.get().uri("/actuator/prometheus?includedNames=jvm_memory_used_bytes").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics).contains("jvm_memory_used_bytes"));
    }

    @Test
    void pagesGoToTheWebAppWithoutATokenAndWithTheAddressTheBrowserUsed() {
        web.get().uri("/book").cookie("SESSION", "abc").exchange()
                .expectStatus().isOk()
                // The gateway keeps no session: it must not expire the web app's session cookie as unknown to it.
                .expectHeader().doesNotExist("Set-Cookie")
                .expectBody(String.class).isEqualTo("<h1>Book</h1>");
        assertThat(SEEN.get("/book")).containsEntry("cookie", "SESSION=abc");
        assertThat(SEEN.get("/book").get("host")).startsWith("localhost:");
    }

    @Test
    void anApiPathNoServiceOwnsIsAProblemNotAPage() {
        web.get().uri("/api/v1/nothing-here").headers(h -> h.setBearerAuth(keycloak.accessToken("operator1"))).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:not-found");
        web.get().uri("/api/v1/nothing-here").exchange().expectStatus().isUnauthorized();
    }
}
