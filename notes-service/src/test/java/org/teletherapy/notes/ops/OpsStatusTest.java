package org.teletherapy.notes.ops;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.testsupport.Infrastructure;
import org.teletherapy.testsupport.IntegrationTest;

/** What the gateway's overview asks this service: its health and its event pipeline, nothing about notes. */
@IntegrationTest
class OpsStatusTest {

    @Autowired
    WebTestClient web;

    @Test
    void operatorsGetTheServicesHealthAndPipelineFigures() {
        web.get().uri("/api/v1/ops/status").headers(h -> h.setBearerAuth(token("operator1"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo("notes-service")
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.database").isEqualTo("UP")
                .jsonPath("$.components.kafka").isEqualTo("UP")
                .jsonPath("$.figures.pipeline.outboxBacklog").isNumber()
                .jsonPath("$.figures.pipeline.outboxOldestAgeSeconds").isNumber()
                .jsonPath("$.figures.pipeline.consumerLag").isNumber()
                .jsonPath("$.figures.pipeline.deadLetters").isNumber();
    }

    @Test
    void therapistsAndClientsAreRefused() {
        for (String user : new String[] {"therapist1", "client1"}) {
            web.get().uri("/api/v1/ops/status").headers(h -> h.setBearerAuth(token(user))).exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    private static String token(String user) {
        return Infrastructure.shared().keycloak().accessToken(user);
    }
}
