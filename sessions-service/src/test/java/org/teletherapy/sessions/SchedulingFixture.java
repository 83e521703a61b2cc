package org.teletherapy.sessions;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.testsupport.DemoUsers;
import org.teletherapy.testsupport.Infrastructure;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A known starting point for scheduling tests: therapist1 offers a slot every hour to client1 and client2. */
public final class SchedulingFixture {

    private final WebTestClient web;
    private final DatabaseClient database;

    public SchedulingFixture(WebTestClient web, DatabaseClient database) {
        this.web = web;
        this.database = database;
    }

    public void therapist1OffersEveryHourToClient1AndClient2() {
        for (String table : List.of("idempotency_key", "calendar_feed", "session", "roster")) {
            database.sql("delete from " + table).then().block();
        }
        for (UUID client : List.of(DemoUsers.CLIENT1, DemoUsers.CLIENT2)) {
            database.sql("insert into roster (therapist_id, client_id, therapist_name, client_name) values (:t, :c, 'T', 'C')")
                    .bind("t", DemoUsers.THERAPIST1).bind("c", client).then().block();
        }
        web.put().uri("/api/v1/availability").headers(h -> h.setBearerAuth(token("therapist1")))
                .bodyValue(Map.of("timeZone", "UTC", "sessionMinutes", 50, "bufferMinutes", 10, "weekly",
                        everyDay("00:00", "23:59")))
                .exchange().expectStatus().isOk();
    }

    public static List<Map<String, String>> everyDay(String start, String end) {
        return Arrays.stream(DayOfWeek.values()).map(day -> Map.of("day", day.name(), "start", start, "end", end)).toList();
    }

    public Instant firstFreeSlotAfter(Duration fromNow) {
        Instant from = Instant.now().plus(fromNow);
        List<?> slots = web.get().uri(b -> b.path("/api/v1/therapists/{id}/slots").queryParam("from", from)
                        .queryParam("to", from.plus(2, ChronoUnit.DAYS)).build(DemoUsers.THERAPIST1))
                .headers(h -> h.setBearerAuth(token("client1"))).exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        assertThat(slots).isNotEmpty();
        return Instant.parse((String) ((Map<?, ?>) slots.get(0)).get("start"));
    }

    public String book(Instant start, String user) {
        return (String) web.post().uri("/api/v1/sessions").headers(h -> h.setBearerAuth(token(user)))
                .bodyValue(Map.of("therapistId", DemoUsers.THERAPIST1, "start", start))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    /**
     * Moves a booked session so that it started {@code ago} (a negative value: starts in the future), keeping its
     * 50 minutes and 10-minute buffer: the way to have a session in progress or over without waiting for it.
     */
    public void startedAgo(String id, Duration ago) {
        Instant start = Instant.now().minus(ago).truncatedTo(ChronoUnit.SECONDS);
        database.sql("update session set starts_at = :start, ends_at = :end, blocked_until = :until where id = :id")
                .bind("start", start).bind("end", start.plus(50, ChronoUnit.MINUTES))
                .bind("until", start.plus(60, ChronoUnit.MINUTES)).bind("id", UUID.fromString(id))
                .then().block();
    }

    public static String token(String user) {
        return Infrastructure.shared().keycloak().accessToken(user);
    }
}
