package org.teletherapy.sessions.booking;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.teletherapy.events.CloudEventHeaders;
import org.teletherapy.events.Topics;
import org.teletherapy.sessions.SchedulingApiTestBase;
import org.teletherapy.sessions.SchedulingFixture;
import org.teletherapy.testsupport.DemoUsers;
import org.teletherapy.testsupport.Infrastructure;
import org.teletherapy.testsupport.KeycloakEndpoint;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Booking through the API with real tokens, against the real database constraint and the real broker. */
class BookingApiTest extends SchedulingApiTestBase {

    @Test
    void fiftyConcurrentBookingsOfOneSlotGiveExactlyOneSession() {
        Instant slot = fixture.firstFreeSlotAfter(Duration.ofDays(3));
        String client1 = SchedulingFixture.token("client1");
        String client2 = SchedulingFixture.token("client2");

        List<Integer> statuses = Flux.range(0, 50)
                .flatMap(i -> Mono.fromCallable(() -> web.post().uri("/api/v1/sessions")
                                .headers(h -> h.setBearerAuth(i % 2 == 0 ? client1 : client2))
                                .bodyValue(Map.of("therapistId", DemoUsers.THERAPIST1, "start", slot))
                                .exchange().returnResult(String.class).getStatus().value())
                        .subscribeOn(Schedulers.boundedElastic()), 50)
                .collectList().block();

        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(49);
        assertThat(database.sql("select count(*) from session where starts_at = :start").bind("start", slot)
                .map(row -> row.get(0, Long.class)).one().block()).isEqualTo(1);
    }

    @Test
    void aBookingAnswersWithTheSessionItsVideoRoomAndPublishesAnEvent() {
        Instant slot = fixture.firstFreeSlotAfter(Duration.ofDays(2));
        try (KafkaConsumer<String, byte[]> events = consumer()) {
            web.post().uri("/api/v1/sessions").headers(h -> h.setBearerAuth(SchedulingFixture.token("client1")))
                    .bodyValue(Map.of("therapistId", DemoUsers.THERAPIST1, "start", slot))
                    .exchange()
                    .expectStatus().isCreated()
                    .expectBody()
                    .jsonPath("$.status").isEqualTo("booked")
                    .jsonPath("$.clientId").isEqualTo(DemoUsers.CLIENT1.toString())
                    .jsonPath("$.end").isEqualTo(slot.plus(50, ChronoUnit.MINUTES).toString())
                    // Two days ahead the room is not open yet: no link, only when it opens (VideoWindowApiTest).
                    .jsonPath("$.videoUrl").isEmpty()
                    .jsonPath("$.videoJoinOpensAt").isEqualTo(slot.minus(10, ChronoUnit.MINUTES).toString());
            ConsumerRecord<String, byte[]> booked = awaitEvent(events, "session.booked");
            assertThat(booked.key()).isEqualTo(DemoUsers.CLIENT1.toString());
            assertThat(new String(booked.value(), StandardCharsets.UTF_8)).doesNotContain("video").doesNotContain("Clara");
        }
    }

    @Test
    void aRetriedBookingWithTheSameIdempotencyKeyReturnsTheSameSession() {
        Instant slot = fixture.firstFreeSlotAfter(Duration.ofDays(4));
        String first = bookWithKey(slot, "retry-me-1");
        String second = bookWithKey(slot, "retry-me-1");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void aClientNotOnTheTherapistsRosterCannotBook() {
        web.post().uri("/api/v1/sessions").headers(h -> h.setBearerAuth(SchedulingFixture.token("client3")))
                .bodyValue(Map.of("therapistId", DemoUsers.THERAPIST1, "start", fixture.firstFreeSlotAfter(Duration.ofDays(2))))
                .exchange().expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:not-on-roster");
    }

    @Test
    void startsOffTheGridOrInThePastAreRefusedWithSpecificProblems() {
        Instant slot = fixture.firstFreeSlotAfter(Duration.ofDays(2));
        expectProblem(slot.plus(7, ChronoUnit.MINUTES), 422, "off-grid");
        expectProblem(Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS), 422, "start-in-past");
        expectProblem(Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS), 422, "too-short-notice");
    }

    @Test
    void aCancellationInsideThePolicyWindowIsFlaggedLate() {
        String soon = fixture.book(fixture.firstFreeSlotAfter(Duration.ofHours(13)), "client1");
        String later = fixture.book(fixture.firstFreeSlotAfter(Duration.ofDays(5)), "client1");

        web.post().uri("/api/v1/sessions/{id}/cancel", soon).headers(h -> h.setBearerAuth(SchedulingFixture.token("client1")))
                .bodyValue(Map.of("reason", "illness")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].status").isEqualTo("cancelled")
                .jsonPath("$[0].cancellation.late").isEqualTo(true)
                .jsonPath("$[0].cancellation.by").isEqualTo("client");
        web.post().uri("/api/v1/sessions/{id}/cancel", later).headers(h -> h.setBearerAuth(SchedulingFixture.token("therapist1")))
                .bodyValue(Map.of("reason", "therapist-unavailable")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].cancellation.late").isEqualTo(false)
                .jsonPath("$[0].cancellation.by").isEqualTo("therapist");
    }

    @Test
    void aCancelledSessionCannotBeCompletedAndFreesItsSlot() {
        Instant slot = fixture.firstFreeSlotAfter(Duration.ofDays(6));
        String id = fixture.book(slot, "client1");
        web.post().uri("/api/v1/sessions/{id}/cancel", id).headers(h -> h.setBearerAuth(SchedulingFixture.token("client1")))
                .bodyValue(Map.of("reason", "schedule-conflict")).exchange().expectStatus().isOk();

        web.post().uri("/api/v1/sessions/{id}/complete", id).headers(h -> h.setBearerAuth(SchedulingFixture.token("therapist1"))).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(fixture.book(slot, "client2")).isNotEqualTo(id);
    }

    @Test
    void onlyTheTherapistClosesASessionAndOnlyAfterItStarts() {
        String id = fixture.book(fixture.firstFreeSlotAfter(Duration.ofDays(2)), "client1");
        web.post().uri("/api/v1/sessions/{id}/complete", id).headers(h -> h.setBearerAuth(SchedulingFixture.token("client1"))).exchange()
                .expectStatus().isForbidden();
        web.post().uri("/api/v1/sessions/{id}/no-show", id).headers(h -> h.setBearerAuth(SchedulingFixture.token("therapist1"))).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("The session has not started yet.");
    }

    @Test
    void aRescheduleMovesTheSessionInOneStepAndIsCapped() {
        String original = fixture.book(fixture.firstFreeSlotAfter(Duration.ofDays(2)), "client1");
        String moved = reschedule(original, fixture.firstFreeSlotAfter(Duration.ofDays(3)), 200);
        web.get().uri("/api/v1/sessions/{id}", moved).headers(h -> h.setBearerAuth(SchedulingFixture.token("client1"))).exchange()
                .expectBody().jsonPath("$.rescheduledFrom").isEqualTo(original);
        web.get().uri("/api/v1/sessions/{id}", original).headers(h -> h.setBearerAuth(SchedulingFixture.token("client1"))).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("cancelled");
        String again = reschedule(moved, fixture.firstFreeSlotAfter(Duration.ofDays(4)), 200);
        reschedule(again, fixture.firstFreeSlotAfter(Duration.ofDays(5)), 409);
    }

    @Test
    void theVideoRoomOpensOnlyInItsJoinWindow() {
        String id = fixture.book(fixture.firstFreeSlotAfter(Duration.ofDays(2)), "client1");
        web.get().uri("/api/v1/sessions/{id}/video", id).headers(h -> h.setBearerAuth(SchedulingFixture.token("client1"))).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:outside-join-window");
        // Moved into its window (started five minutes ago), the room is handed out to its participants only.
        database.sql("update session set starts_at = now() - interval '5 minutes', ends_at = now() + interval '45 minutes', "
                + "blocked_until = now() + interval '55 minutes' where id = :id").bind("id", UUID.fromString(id)).then().block();
        web.get().uri("/api/v1/sessions/{id}/video", id).headers(h -> h.setBearerAuth(SchedulingFixture.token("therapist1"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.url").value(url -> assertThat((String) url).startsWith("https://meet.jit.si/teletherapy-"));
        web.get().uri("/api/v1/sessions/{id}/video", id).headers(h -> h.setBearerAuth(SchedulingFixture.token("client2"))).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void someoneElsesSessionDoesNotExistForTheCaller() {
        String id = fixture.book(fixture.firstFreeSlotAfter(Duration.ofDays(2)), "client1");
        web.get().uri("/api/v1/sessions/{id}", id).headers(h -> h.setBearerAuth(SchedulingFixture.token("client2"))).exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/v1/sessions/{id}", id).headers(h -> h.setBearerAuth(SchedulingFixture.token("therapist2"))).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void badAvailabilityAndSlotQueriesGetSpecificProblems() {
        web.put().uri("/api/v1/availability").headers(h -> h.setBearerAuth(SchedulingFixture.token("therapist1")))
                .bodyValue(Map.of("timeZone", "Mars/Olympus", "sessionMinutes", 50, "bufferMinutes", 10, "weekly", SchedulingFixture.everyDay("09:00", "17:00")))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:unknown-time-zone");
        web.put().uri("/api/v1/availability").headers(h -> h.setBearerAuth(SchedulingFixture.token("therapist1")))
                .bodyValue(Map.of("timeZone", "Europe/Berlin", "sessionMinutes", 50, "bufferMinutes", 10, "weekly",
                        List.of(Map.of("day", "MONDAY", "start", "09:00", "end", "12:00"), Map.of("day", "MONDAY", "start", "11:00", "end", "14:00"))))
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:overlapping-windows");
        web.put().uri("/api/v1/availability").headers(h -> h.setBearerAuth(SchedulingFixture.token("therapist1")))
                .bodyValue(Map.of("timeZone", "Europe/Berlin", "sessionMinutes", 50, "bufferMinutes", 10, "weekly",
                        List.of(Map.of("day", "MONDAY", "start", "17:00", "end", "09:00"))))
                .exchange().expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:window-end-before-start");
        Instant from = Instant.now();
        web.get().uri(b -> b.path("/api/v1/therapists/{id}/slots").queryParam("from", from)
                        .queryParam("to", from.plus(90, ChronoUnit.DAYS)).build(DemoUsers.THERAPIST1))
                .headers(h -> h.setBearerAuth(SchedulingFixture.token("client1"))).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:invalid-range");
        web.post().uri("/api/v1/sessions").headers(h -> h.setBearerAuth(SchedulingFixture.token("client1")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"therapistId\": \"not-a-uuid\", \"start\": 5}")
                .exchange().expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private String bookWithKey(Instant start, String key) {
        return (String) web.post().uri("/api/v1/sessions").headers(h -> h.setBearerAuth(SchedulingFixture.token("client1")))
                .header("Idempotency-Key", key)
                .bodyValue(Map.of("therapistId", DemoUsers.THERAPIST1, "start", start))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private String reschedule(String id, Instant start, int status) {
        Map<?, ?> body = web.post().uri("/api/v1/sessions/{id}/reschedule", id).headers(h -> h.setBearerAuth(SchedulingFixture.token("client1")))
                .bodyValue(Map.of("start", start)).exchange().expectStatus().isEqualTo(status)
                .expectBody(Map.class).returnResult().getResponseBody();
        return (String) body.get("id");
    }

    private void expectProblem(Instant start, int status, String kind) {
        web.post().uri("/api/v1/sessions").headers(h -> h.setBearerAuth(SchedulingFixture.token("client1")))
                .bodyValue(Map.of("therapistId", DemoUsers.THERAPIST1, "start", start))
                .exchange().expectStatus().isEqualTo(status)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:" + kind);
    }

    private KafkaConsumer<String, byte[]> consumer() {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        consumer.subscribe(List.of(Topics.SESSIONS));
        consumer.poll(Duration.ofSeconds(2)); // join the group before anything is published
        return consumer;
    }

    private static ConsumerRecord<String, byte[]> awaitEvent(KafkaConsumer<String, byte[]> consumer, String type) {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                var header = record.headers().lastHeader(CloudEventHeaders.TYPE);
                if (header != null && type.equals(new String(header.value(), StandardCharsets.UTF_8))) {
                    return record;
                }
            }
        }
        throw new AssertionError("no " + type + " event within 30 s");
    }
}
