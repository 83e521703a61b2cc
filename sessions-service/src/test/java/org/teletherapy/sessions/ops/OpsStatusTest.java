package org.teletherapy.sessions.ops;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.teletherapy.sessions.SchedulingApiTestBase;

import java.time.Duration;
import java.util.Map;

import static org.teletherapy.sessions.SchedulingFixture.token;

/** What the gateway's overview asks this service: its health and counts, for operators only. */
class OpsStatusTest extends SchedulingApiTestBase {

    @Test
    void operatorsGetTheServicesHealthAndTodaysCounts() {
        String soon = fixture.book(fixture.firstFreeSlotAfter(Duration.ofHours(13)), "client1");
        fixture.book(fixture.firstFreeSlotAfter(Duration.ofDays(5)), "client2");
        web.post().uri("/api/v1/sessions/{id}/cancel", soon).headers(h -> h.setBearerAuth(token("client1")))
                .bodyValue(Map.of("reason", "illness")).exchange()
                .expectStatus().isOk();

        web.get().uri("/api/v1/ops/status").headers(h -> h.setBearerAuth(token("operator1"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.service").isEqualTo("sessions-service")
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.database").isEqualTo("UP")
                .jsonPath("$.components.kafka").isEqualTo("UP")
                .jsonPath("$.figures.scheduling.bookedToday").isEqualTo(2)
                .jsonPath("$.figures.scheduling.lateCancellationsToday").isEqualTo(1)
                .jsonPath("$.figures.scheduling.noShowsToday").isEqualTo(0)
                .jsonPath("$.figures.pipeline.outboxBacklog").isNumber()
                .jsonPath("$.figures.pipeline.outboxOldestAgeSeconds").isNumber()
                // The sessions-service consumes only the erasure saga's replies: caught up, nothing dead-lettered.
                .jsonPath("$.figures.pipeline.consumerLag").isEqualTo(0)
                .jsonPath("$.figures.pipeline.deadLetters").isEqualTo(0);
    }

    @Test
    void therapistsAndClientsAreRefused() {
        for (String user : new String[] {"therapist1", "client1"}) {
            web.get().uri("/api/v1/ops/status").headers(h -> h.setBearerAuth(token(user))).exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:forbidden");
        }
    }

    @Test
    void withoutATokenItIsUnauthorized() {
        web.get().uri("/api/v1/ops/status").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
