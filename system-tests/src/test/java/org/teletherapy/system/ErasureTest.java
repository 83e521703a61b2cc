package org.teletherapy.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.devstack.Platform;
import org.teletherapy.testsupport.KeycloakEndpoint;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client's erasure across the running platform, through the gateway, with notifications-service stopped while it
 * runs: the erasure goes on without it, its part stays pending, and it catches up from Kafka when it is back. The
 * client is a new one invited for this test, so no demo user the other tests rely on is erased.
 */
// Late, as every class that stops a service; before PlatformTest, which stops notes-service for good.
@Order(95)
class ErasureTest {

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
    void anErasureRunsOnWhileAServiceIsDownAndThatServiceCatchesUpWhenItIsBack() {
        String email = "erased-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        String clientId = gateway.post().uri("/api/v1/roster/invitations").headers(h -> h.setBearerAuth(token("therapist2")))
                .bodyValue(Map.of("firstName", "Edda", "lastName", "Erased", "email", email)).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("clientId").toString();

        platform.stopApp(Platform.App.NOTIFICATIONS);
        try {
            String id = gateway.post().uri("/api/v1/erasures").headers(h -> h.setBearerAuth(token("operator1")))
                    .bodyValue(Map.of("clientId", clientId, "reason", "client-request")).exchange()
                    .expectStatus().isAccepted()
                    .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();

            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> erasure(id)
                    .jsonPath("$.parts.sessions.status").isEqualTo("done")
                    .jsonPath("$.parts.notes.status").isEqualTo("done")
                    .jsonPath("$.parts.exercises.status").isEqualTo("done"));
            erasure(id).jsonPath("$.parts.notifications.status").isEqualTo("pending")
                    .jsonPath("$.status").isEqualTo("in-progress");
            // Off the roster, name and all.
            gateway.get().uri("/api/v1/care-team").headers(h -> h.setBearerAuth(token("therapist2"))).exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).value(team -> assertThat(team)
                            .doesNotContain(clientId).doesNotContain("Erased"));

            platform.startApp(Platform.App.NOTIFICATIONS);
            platform.awaitApp(Platform.App.NOTIFICATIONS);

            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> erasure(id)
                    .jsonPath("$.parts.notifications.status").isEqualTo("done")
                    .jsonPath("$.status").isEqualTo("done"));
            // Again for the same client: the same erasure, nothing new.
            gateway.post().uri("/api/v1/erasures").headers(h -> h.setBearerAuth(token("operator1")))
                    .bodyValue(Map.of("clientId", clientId, "reason", "client-request")).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.id").isEqualTo(id);
            // The account is gone from Keycloak: the same address invited again is a new account, not the old one.
            String again = gateway.post().uri("/api/v1/roster/invitations").headers(h -> h.setBearerAuth(token("therapist2")))
                    .bodyValue(Map.of("firstName", "Edda", "lastName", "Again", "email", email)).exchange()
                    .expectStatus().isCreated()
                    .expectBody(Map.class).returnResult().getResponseBody().get("clientId").toString();
            assertThat(again).isNotEqualTo(clientId);
        } finally {
            if (!platform.childPids().containsKey(Platform.App.NOTIFICATIONS.module())) {
                platform.startApp(Platform.App.NOTIFICATIONS);
                platform.awaitApp(Platform.App.NOTIFICATIONS);
            }
        }
    }

    private WebTestClient.BodyContentSpec erasure(String id) {
        return gateway.get().uri("/api/v1/erasures/{id}", id).headers(h -> h.setBearerAuth(token("operator1"))).exchange()
                .expectStatus().isOk().expectBody();
    }

    private static String token(String user) {
        return keycloak.accessToken(user);
    }
}
