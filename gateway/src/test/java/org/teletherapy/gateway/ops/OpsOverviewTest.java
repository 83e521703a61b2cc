package org.teletherapy.gateway.ops;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.devstack.Ports;
import org.teletherapy.testsupport.DemoUsers;
import org.teletherapy.testsupport.Infrastructure;
import org.teletherapy.testsupport.IntegrationTest;
import org.teletherapy.testsupport.KeycloakEndpoint;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overview over stand-in services (plain HTTP servers answering their ops status, one of them slow on demand),
 * a service that is down (a closed port) and the real Keycloak, for tokens and for its health.
 */
@IntegrationTest
class OpsOverviewTest {

    /** The Authorization header each stand-in saw last, by service. */
    static final Map<String, String> SEEN = new ConcurrentHashMap<>();
    static final AtomicBoolean EXERCISES_SLOW = new AtomicBoolean();

    /**
     * Statuses as the services would answer, plus what a careless service might add (ids, a name, an e-mail, a
     * component and a figure group the overview does not know): none of it may reach the operator.
     */
    static final String SESSIONS_STATUS = """
            {"service": "sessions-service", "status": "UP", "components": {"database": "UP", "kafka": "UP", "diskSpace": "UP"},
             "figures": {"scheduling": {"bookedToday": 7, "lateCancellationsToday": 2, "noShowsToday": 1},
                         "pipeline": {"outboxBacklog": 3, "outboxOldestAgeSeconds": 41, "consumerLag": 0, "deadLetters": 0},
                         "therapist1": {"sessionsOf2f1d5a0e": 4}},
             "lastBookedBy": "client1@example.org", "clientId": "%s", "therapist": "Theresa Meyer"}
            """.formatted(DemoUsers.CLIENT1);
    static final String EXERCISES_STATUS = """
            {"service": "exercises-service", "status": "DEGRADED", "components": {"database": "UP", "kafka": "DOWN"},
             "figures": {"safety": {"openAlerts": 2, "oldestOpenAlertAgeSeconds": 600},
                         "pipeline": {"outboxBacklog": 5, "outboxOldestAgeSeconds": 120}}}
            """;

    static final DisposableServer SESSIONS = standIn("sessions-service", () -> Mono.just(SESSIONS_STATUS));
    static final DisposableServer EXERCISES = standIn("exercises-service", () -> Mono.just(EXERCISES_STATUS)
            .delayElement(EXERCISES_SLOW.get() ? Duration.ofSeconds(6) : Duration.ZERO));

    /** A stand-in service that answers its ops status and records who asked; anything else is a 404 it remembers. */
    static DisposableServer standIn(String service, java.util.function.Supplier<Mono<String>> status) {
        return HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes
                        .get("/api/v1/ops/status", (request, response) -> {
                            SEEN.put(service, String.valueOf(request.requestHeaders().get("Authorization")));
                            return response.header("Content-Type", "application/json").sendString(status.get());
                        })
                        // A request the gateway should not have routed.
                        .route(request -> true, (request, response) -> {
                            SEEN.put(service + " " + request.uri(), "unexpected");
                            return response.status(404).send();
                        }))
                .bindNow();
    }

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("TELETHERAPY_ROUTES_SESSIONS_URI", () -> "http://127.0.0.1:" + SESSIONS.port());
        registry.add("TELETHERAPY_ROUTES_EXERCISES_URI", () -> "http://127.0.0.1:" + EXERCISES.port());
        registry.add("TELETHERAPY_ROUTES_NOTES_URI", () -> "http://127.0.0.1:" + Ports.free());
        registry.add("TELETHERAPY_ROUTES_NOTIFICATIONS_URI", () -> "http://127.0.0.1:" + Ports.free());
    }

    @AfterAll
    static void stopStandIns() {
        SESSIONS.disposeNow();
        EXERCISES.disposeNow();
    }

    @Autowired
    WebTestClient web;

    final KeycloakEndpoint keycloak = Infrastructure.shared().keycloak();

    @BeforeEach
    void servicesAnswerPromptly() {
        SEEN.clear();
        EXERCISES_SLOW.set(false);
    }

    @Test
    void operatorsSeeEveryComponentAndTheCountsOfTheServicesThatAnswer() {
        String token = keycloak.accessToken("operator1");
        web.get().uri("/api/v1/ops/overview").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                // notes-service does not answer: the platform is degraded, not down.
                .jsonPath("$.status").isEqualTo("DEGRADED")
                .jsonPath("$.checkedAt").isNotEmpty()
                .jsonPath("$.gateway").isEqualTo("UP")
                .jsonPath("$.keycloak").isEqualTo("UP")
                .jsonPath("$.services[*].service").isEqualTo(List.of("sessions-service", "notes-service", "exercises-service",
                        "notifications-service"))
                .jsonPath("$.services[0].status").isEqualTo("UP")
                .jsonPath("$.services[0].database").isEqualTo("UP")
                .jsonPath("$.services[0].kafka").isEqualTo("UP")
                .jsonPath("$.services[0].pipeline.outboxBacklog").isEqualTo(3)
                .jsonPath("$.services[0].pipeline.outboxOldestAgeSeconds").isEqualTo(41)
                .jsonPath("$.services[0].pipeline.consumerLag").isEqualTo(0)
                .jsonPath("$.services[0].pipeline.deadLetters").isEqualTo(0)
                .jsonPath("$.services[1].status").isEqualTo("DOWN")
                .jsonPath("$.services[1].database").isEqualTo("UNKNOWN")
                .jsonPath("$.services[1].kafka").isEqualTo("UNKNOWN")
                .jsonPath("$.services[1].pipeline.outboxBacklog").isEmpty()
                .jsonPath("$.services[2].status").isEqualTo("DEGRADED")
                .jsonPath("$.services[2].kafka").isEqualTo("DOWN")
                .jsonPath("$.services[2].pipeline.outboxBacklog").isEqualTo(5)
                // Kafka is away for the exercises-service: its lag is unknown, not 0.
                .jsonPath("$.services[2].pipeline.consumerLag").isEmpty()
                .jsonPath("$.scheduling.bookedToday").isEqualTo(7)
                .jsonPath("$.scheduling.lateCancellationsToday").isEqualTo(2)
                .jsonPath("$.scheduling.noShowsToday").isEqualTo(1)
                .jsonPath("$.safety.openAlerts").isEqualTo(2)
                .jsonPath("$.safety.oldestOpenAlertAgeSeconds").isEqualTo(600);

        // Each service checks the operator role itself, on the operator's own token.
        assertThat(SEEN).containsOnly(Map.entry("sessions-service", "Bearer " + token),
                Map.entry("exercises-service", "Bearer " + token));
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIsDownAndTheOverviewStillAnswers() {
        EXERCISES_SLOW.set(true);
        long started = System.nanoTime();
        web.get().uri("/api/v1/ops/overview").headers(h -> h.setBearerAuth(keycloak.accessToken("operator1"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("DEGRADED")
                .jsonPath("$.services[2].service").isEqualTo("exercises-service")
                .jsonPath("$.services[2].status").isEqualTo("DOWN")
                .jsonPath("$.safety.openAlerts").isEmpty()
                .jsonPath("$.services[0].status").isEqualTo("UP")
                .jsonPath("$.scheduling.bookedToday").isEqualTo(7);
        // Behaviour, not speed: answered long before the 6 s the slow service would take.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void theOverviewNamesNoPersonAndHoldsNoId() {
        byte[] body = web.get().uri("/api/v1/ops/overview").headers(h -> h.setBearerAuth(keycloak.accessToken("operator1")))
                .exchange()
                .expectStatus().isOk()
                .expectBody().returnResult().getResponseBody();
        String json = new String(body, StandardCharsets.UTF_8);
        assertThat(json).as("the stand-ins' statuses came through").contains("\"bookedToday\":7");

        assertThat(json).doesNotContainPattern("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(json).doesNotContain("@", "example.org", "Theresa", "Meyer", "2f1d5a0e", "diskSpace");
        for (String user : List.of("client1", "client2", "client3", "therapist1", "therapist2", "operator1")) {
            assertThat(json).doesNotContain(user);
        }
    }

    @Test
    void clientsAndTherapistsAreRefusedAndNoServiceIsAsked() {
        for (String user : List.of("client1", "therapist1")) {
            web.get().uri("/api/v1/ops/overview").headers(h -> h.setBearerAuth(keycloak.accessToken(user))).exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:forbidden");
        }
        assertThat(SEEN).isEmpty();
    }

    @Test
    void withoutATokenItIsUnauthorized() {
        web.get().uri("/api/v1/ops/overview").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theServicesOwnStatusIsNeitherRoutedNorServedByTheGateway() {
        web.get().uri("/api/v1/ops/status").headers(h -> h.setBearerAuth(keycloak.accessToken("operator1"))).exchange()
                .expectStatus().isNotFound();
        assertThat(SEEN).isEmpty();
    }
}
