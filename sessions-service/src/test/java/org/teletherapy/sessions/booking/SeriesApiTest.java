package org.teletherapy.sessions.booking;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.teletherapy.sessions.SchedulingApiTestBase;
import org.teletherapy.sessions.SchedulingFixture;
import org.teletherapy.testsupport.DemoUsers;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teletherapy.sessions.SchedulingFixture.token;

class SeriesApiTest extends SchedulingApiTestBase {

    @Test
    void aSeriesWithOneTakenWeekIsRefusedNamingThatDateAndBooksNothing() {
        Instant first = fixture.firstFreeSlotAfter(Duration.ofDays(1));
        Instant thirdWeek = first.plus(14, ChronoUnit.DAYS);
        fixture.book(thirdWeek, "client2");

        web.post().uri("/api/v1/sessions/series").headers(h -> h.setBearerAuth(token("client1")))
                .bodyValue(Map.of("therapistId", DemoUsers.THERAPIST1, "start", first, "frequency", "WEEKLY", "occurrences", 6))
                .exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:teletherapy:problem:series-conflict")
                .jsonPath("$.conflicts").isEqualTo(List.of(thirdWeek.atOffset(ZoneOffset.UTC).toLocalDate().toString()))
                .jsonPath("$.conflictStarts").isEqualTo(List.of(thirdWeek.toString()));
        assertThat(database.sql("select count(*) from session where client_id = :c").bind("c", DemoUsers.CLIENT1)
                .map(row -> row.get(0, Long.class)).one().block()).isZero();
    }

    @Test
    void anEveryOtherWeekSeriesIsBookedWholeAndCanBeCancelledFromAnOccurrenceOn() {
        Instant first = fixture.firstFreeSlotAfter(Duration.ofDays(1));
        Map<?, ?> series = web.post().uri("/api/v1/sessions/series").headers(h -> h.setBearerAuth(token("client1")))
                .bodyValue(Map.of("therapistId", DemoUsers.THERAPIST1, "start", first, "frequency", "EVERY_OTHER_WEEK", "occurrences", 4))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        List<?> sessions = (List<?>) series.get("sessions");
        assertThat(sessions).hasSize(4);
        assertThat(((Map<?, ?>) sessions.get(3)).get("start")).isEqualTo(first.plus(42, ChronoUnit.DAYS).toString());

        String third = (String) ((Map<?, ?>) sessions.get(2)).get("id");
        List<?> cancelled = web.post().uri("/api/v1/sessions/{id}/cancel", third).headers(h -> h.setBearerAuth(token("client1")))
                .bodyValue(Map.of("reason", "schedule-conflict", "scope", "this-and-following"))
                .exchange().expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        assertThat(cancelled).hasSize(2);
        assertThat(database.sql("select count(*) from session where series_id = :s and status = 'booked'")
                .bind("s", java.util.UUID.fromString((String) series.get("seriesId")))
                .map(row -> row.get(0, Long.class)).one().block()).isEqualTo(2);
    }

    @Test
    void aSeriesLongerThanTwentySixOccurrencesIsRefused() {
        web.post().uri("/api/v1/sessions/series").headers(h -> h.setBearerAuth(token("client1")))
                .bodyValue(Map.of("therapistId", DemoUsers.THERAPIST1, "start", fixture.firstFreeSlotAfter(Duration.ofDays(1)),
                        "frequency", "WEEKLY", "occurrences", 27))
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:series-length");
    }
}
