package org.teletherapy.sessions.booking;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.teletherapy.sessions.SchedulingApiTestBase;

import java.net.URI;
import java.time.Duration;

import static org.teletherapy.sessions.SchedulingFixture.token;

class SessionInputTest extends SchedulingApiTestBase {

    @Test
    void aNumberIsNoCancellationReasonAndTheSessionStaysBooked() {
        String id = fixture.book(fixture.firstFreeSlotAfter(Duration.ofDays(1)), "client1");

        web.post().uri("/api/v1/sessions/{id}/cancel", id).headers(h -> h.setBearerAuth(token("client1")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\":1}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:malformed-request")
                .jsonPath("$.errors[0].field").isEqualTo("reason")
                .jsonPath("$.errors[0].message").isEqualTo("must be one of schedule-conflict, illness, emergency, "
                        + "technical-problem, therapist-unavailable, roster-unlinked, client-erased, other");
        web.get().uri("/api/v1/sessions/{id}", id).headers(h -> h.setBearerAuth(token("client1"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("booked");
    }

    @Test
    void aBlankSessionIdIsTheCallersMistake() {
        web.get().uri(base -> URI.create(base.build() + "/api/v1/sessions/%20")).headers(h -> h.setBearerAuth(token("client1")))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("id");
    }

    @Test
    void theFirewallsRefusalIsAProblemDetailHereToo() {
        web.get().uri(base -> URI.create(base.build() + "/api/v1/sessions;jsessionid=x"))
                .headers(h -> h.setBearerAuth(token("client1"))).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:request-rejected");
    }
}
