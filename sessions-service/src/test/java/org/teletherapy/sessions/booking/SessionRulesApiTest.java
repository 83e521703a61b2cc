package org.teletherapy.sessions.booking;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.sessions.SchedulingApiTestBase;
import org.teletherapy.testsupport.DemoUsers;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teletherapy.sessions.SchedulingFixture.token;

/** Rules that hold whatever the caller sends: started sessions, the booking horizon, reused idempotency keys. */
class SessionRulesApiTest extends SchedulingApiTestBase {

    @Test
    void aClientCannotCancelOrRescheduleASessionThatHasEndedAndTheTherapistStillRecordsTheNoShow() {
        String id = fixture.book(fixture.firstFreeSlotAfter(Duration.ofDays(2)), "client1");
        fixture.startedAgo(id, Duration.ofHours(3)); // ended 2 h 10 min ago

        post("client1", "/api/v1/sessions/{id}/cancel", id, Map.of("reason", "illness"))
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:session-started");
        post("client1", "/api/v1/sessions/{id}/reschedule", id, Map.of("start", fixture.firstFreeSlotAfter(Duration.ofDays(3))))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:session-started");
        assertThat(status(id)).isEqualTo("booked");

        post("therapist1", "/api/v1/sessions/{id}/no-show", id, Map.of())
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("noshow");
    }

    @Test
    void aSessionInProgressCannotBeCancelledByTheClientButByItsTherapist() {
        String id = fixture.book(fixture.firstFreeSlotAfter(Duration.ofDays(2)), "client1");
        fixture.startedAgo(id, Duration.ofMinutes(5));

        post("client1", "/api/v1/sessions/{id}/cancel", id, Map.of("reason", "schedule-conflict"))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:session-started");
        post("therapist1", "/api/v1/sessions/{id}/cancel", id, Map.of("reason", "therapist-unavailable"))
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].status").isEqualTo("cancelled")
                .jsonPath("$[0].cancellation.by").isEqualTo("therapist");
    }

    @Test
    void aBookedSessionSaysFromWhenCancellingIsLateAndHowOftenItCanStillBeMoved() {
        Instant start = fixture.firstFreeSlotAfter(Duration.ofDays(2));
        String id = fixture.book(start, "client1");

        web.get().uri("/api/v1/sessions/{id}", id).headers(h -> h.setBearerAuth(token("client1"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.lateCancellationFrom").isEqualTo(start.minus(Duration.ofHours(24)).toString())
                .jsonPath("$.reschedulesLeft").isEqualTo(2);
        post("client1", "/api/v1/sessions/{id}/reschedule", id, Map.of("start", fixture.firstFreeSlotAfter(Duration.ofDays(3))))
                .expectStatus().isOk()
                .expectBody().jsonPath("$.reschedulesLeft").isEqualTo(1);
        web.get().uri("/api/v1/sessions/{id}", id).headers(h -> h.setBearerAuth(token("client1"))).exchange()
                .expectBody()
                .jsonPath("$.status").isEqualTo("cancelled")
                .jsonPath("$.lateCancellationFrom").doesNotExist()
                .jsonPath("$.reschedulesLeft").doesNotExist();
    }

    @Test
    void theTherapistIsToldFromWhenABookedSessionCanBeCompletedAndTheClientIsNot() {
        Instant start = fixture.firstFreeSlotAfter(Duration.ofDays(2));
        String id = fixture.book(start, "client1");

        web.get().uri("/api/v1/sessions/{id}", id).headers(h -> h.setBearerAuth(token("therapist1"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.closableFrom").isEqualTo(start.toString());
        web.get().uri("/api/v1/sessions/{id}", id).headers(h -> h.setBearerAuth(token("client1"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.closableFrom").doesNotExist();
        // Before that time the rule it names refuses; once the session has begun, it is done.
        post("therapist1", "/api/v1/sessions/{id}/complete", id, Map.of())
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:invalid-transition");
        fixture.startedAgo(id, Duration.ofMinutes(1));
        post("therapist1", "/api/v1/sessions/{id}/complete", id, Map.of())
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("fulfilled")
                .jsonPath("$.closableFrom").doesNotExist();
    }

    @Test
    void nothingCanBeBookedBeyondTheNinetyDayHorizon() {
        Instant beyond = Instant.now().plus(91, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        post("client1", "/api/v1/sessions", null, Map.of("therapistId", DemoUsers.THERAPIST1, "start", beyond))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:beyond-booking-horizon");
        post("client1", "/api/v1/sessions", null, Map.of("therapistId", DemoUsers.THERAPIST1, "start",
                Instant.parse("2031-01-06T10:00:00Z")))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:beyond-booking-horizon");

        // A series whose first weeks are inside the horizon but whose last one is not books nothing.
        Instant eightyDays = Instant.now().plus(80, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        post("client1", "/api/v1/sessions/series", null, Map.of("therapistId", DemoUsers.THERAPIST1, "start", eightyDays,
                "frequency", "WEEKLY", "occurrences", 3))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:beyond-booking-horizon");
        assertThat(database.sql("select count(*) from session").map(row -> row.get(0, Long.class)).one().block()).isZero();

        String id = fixture.book(fixture.firstFreeSlotAfter(Duration.ofDays(2)), "client1");
        post("client1", "/api/v1/sessions/{id}/reschedule", id, Map.of("start", beyond))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:beyond-booking-horizon");
        assertThat(status(id)).isEqualTo("booked");

        // The slot query offers nothing the booking would refuse.
        Instant horizon = Instant.now().plus(90, ChronoUnit.DAYS);
        web.get().uri(b -> b.path("/api/v1/therapists/{id}/slots").queryParam("from", horizon.minus(1, ChronoUnit.DAYS))
                        .queryParam("to", horizon.plus(2, ChronoUnit.DAYS)).build(DemoUsers.THERAPIST1))
                .headers(h -> h.setBearerAuth(token("client1"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").value(count -> assertThat((Integer) count).isPositive())
                .jsonPath("$[*].start").value(starts -> assertThat((Iterable<?>) starts)
                        .allSatisfy(start -> assertThat(Instant.parse((String) start)).isBefore(horizon)));
    }

    @Test
    void anIdempotencyKeyReusedForAnotherBookingIsRefusedAndBooksNothing() {
        Instant first = fixture.firstFreeSlotAfter(Duration.ofDays(2));
        Instant other = fixture.firstFreeSlotAfter(Duration.ofDays(4));
        String key = "key-" + UUID.randomUUID();
        String booked = (String) bookWithKey(first, key).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");

        bookWithKey(other, key)
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:idempotency-key-reused");
        assertThat(database.sql("select count(*) from session where starts_at = :start").bind("start", other)
                .map(row -> row.get(0, Long.class)).one().block()).isZero();
        // The true retry still gets the first booking.
        assertThat(bookWithKey(first, key).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id")).isEqualTo(booked);
    }

    private WebTestClient.ResponseSpec bookWithKey(Instant start, String key) {
        return web.post().uri("/api/v1/sessions").headers(h -> h.setBearerAuth(token("client1")))
                .header("Idempotency-Key", key)
                .bodyValue(Map.of("therapistId", DemoUsers.THERAPIST1, "start", start))
                .exchange();
    }

    private WebTestClient.ResponseSpec post(String user, String path, String id, Object body) {
        return web.post().uri(path, id == null ? new Object[0] : new Object[] {id})
                .headers(h -> h.setBearerAuth(token(user))).bodyValue(body).exchange();
    }

    private String status(String id) {
        return database.sql("select status from session where id = :id").bind("id", UUID.fromString(id))
                .map(row -> row.get(0, String.class)).one().block();
    }
}
