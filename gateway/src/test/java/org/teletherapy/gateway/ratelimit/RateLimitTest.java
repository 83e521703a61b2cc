package org.teletherapy.gateway.ratelimit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.testsupport.Infrastructure;
import org.teletherapy.testsupport.IntegrationTest;
import org.teletherapy.testsupport.KeycloakEndpoint;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway with a tight limit (3 at once, then 1 per second) in front of a stand-in service and real tokens. */
@IntegrationTest
class RateLimitTest {

    static final DisposableServer STAND_IN = HttpServer.create().host("127.0.0.1").port(0)
            .route(routes -> routes.get("/api/v1/sessions", (request, response) -> response
                    .header("Content-Type", "application/json").sendString(Mono.just("[]"))))
            .bindNow();

    @DynamicPropertySource
    static void limits(DynamicPropertyRegistry registry) {
        registry.add("TELETHERAPY_ROUTES_SESSIONS_URI", () -> "http://127.0.0.1:" + STAND_IN.port());
        registry.add("teletherapy.gateway.rate-limit.requests-per-second", () -> "1");
        registry.add("teletherapy.gateway.rate-limit.burst", () -> "3");
    }

    @AfterAll
    static void stopStandIn() {
        STAND_IN.disposeNow();
    }

    @Autowired
    WebTestClient web;

    final KeycloakEndpoint keycloak = Infrastructure.shared().keycloak();

    @Test
    void aCallerOverTheLimitGetsATooManyRequestsProblemAndOthersCarryOn() {
        String client = keycloak.accessToken("client2");
        for (int i = 0; i < 3; i++) {
            web.get().uri("/api/v1/sessions").headers(h -> h.setBearerAuth(client)).exchange()
                    .expectStatus().isOk()
                    .expectHeader().exists("RateLimit-Remaining");
        }
        web.get().uri("/api/v1/sessions").headers(h -> h.setBearerAuth(client)).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value("Retry-After", value -> assertThat(Integer.parseInt(value)).isBetween(1, 2))
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:teletherapy:problem:rate-limited")
                .jsonPath("$.status").isEqualTo(429);

        web.get().uri("/api/v1/sessions").headers(h -> h.setBearerAuth(keycloak.accessToken("therapist2"))).exchange()
                .expectStatus().isOk();
    }

    @Test
    void probesAreNeverLimited() {
        for (int i = 0; i < 10; i++) {
            web.get().uri("/readyz").exchange().expectStatus().isOk();
        }
    }
}
