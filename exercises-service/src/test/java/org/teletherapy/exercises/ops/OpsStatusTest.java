package org.teletherapy.exercises.ops;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.testsupport.DemoUsers;
import org.teletherapy.testsupport.IntegrationTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teletherapy.exercises.ExercisesFixtures.PHQ_9;
import static org.teletherapy.exercises.ExercisesFixtures.as;
import static org.teletherapy.exercises.ExercisesFixtures.assign;
import static org.teletherapy.exercises.ExercisesFixtures.demoRoster;
import static org.teletherapy.exercises.ExercisesFixtures.items;

/** What the gateway's overview asks this service: its health, open safety alerts and its event pipeline. */
@IntegrationTest
class OpsStatusTest {

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    @Test
    void operatorsGetTheServicesHealthAndOpenSafetyAlerts() {
        demoRoster(database);
        long openBefore = openAlerts();
        // PHQ-9 item 9 above 0 raises an alert at once.
        web.post().uri("/api/v1/assignments/" + assign(web, "therapist1", DemoUsers.CLIENT1, PHQ_9) + "/submissions")
                .headers(as("client1")).bodyValue(items(9, 0, Map.of("item9", 1))).exchange()
                .expectStatus().isCreated();

        assertThat(openAlerts()).isEqualTo(openBefore + 1);
        web.get().uri("/api/v1/ops/status").headers(as("operator1")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo("exercises-service")
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.database").isEqualTo("UP")
                .jsonPath("$.components.kafka").isEqualTo("UP")
                .jsonPath("$.figures.safety.oldestOpenAlertAgeSeconds").isNumber()
                // The pipeline's figures themselves are eventing's (PipelineFiguresTest); here: they are part of it.
                .jsonPath("$.figures.pipeline.consumerLag").isNumber();
    }

    @Test
    void therapistsAndClientsAreRefused() {
        for (String user : new String[] {"therapist1", "client1"}) {
            web.get().uri("/api/v1/ops/status").headers(as(user)).exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    private long openAlerts() {
        Map<?, ?> status = web.get().uri("/api/v1/ops/status").headers(as("operator1")).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        return ((Number) ((Map<?, ?>) ((Map<?, ?>) status.get("figures")).get("safety")).get("openAlerts")).longValue();
    }
}
