package org.teletherapy.notifications.delivery;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSender;
import org.teletherapy.events.sessions.Actor;
import org.teletherapy.events.sessions.CancellationReason;
import org.teletherapy.events.sessions.SessionBooked;
import org.teletherapy.events.sessions.SessionCancelled;
import org.teletherapy.events.sessions.SessionRescheduled;
import org.teletherapy.notifications.NotificationsTestBase;
import org.teletherapy.notifications.preference.Preferences;
import org.teletherapy.notifications.recipient.Recipients;
import org.teletherapy.testsupport.DemoUsers;
import org.teletherapy.testsupport.TestEvents;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.teletherapy.notifications.Mails.text;

/** Reminders before a session: planned durably, sent once by racing instances, never for a cancelled or moved one. */
class RemindersTest extends NotificationsTestBase {

    static final String CLIENT2 = "client2@example.org";

    @Autowired
    Deliveries deliveries;

    @Autowired
    List<DeliveryCheck> checks;

    @Autowired
    Preferences preferences;

    @Autowired
    Recipients recipients;

    @Autowired
    MailComposer composer;

    @Autowired
    JavaMailSender sender;

    @Autowired
    DeliveryProperties properties;

    @Autowired
    MailProperties mailProperties;

    /** Another instance of the service: its own worker, the same database and mail server, small batches. */
    DeliveryWorker otherInstance() {
        DeliveryProperties small = new DeliveryProperties(true, properties.pollInterval(), 3, properties.lease(),
                properties.concurrency(), 2, properties.firstRetry(), properties.maxRetry(), properties.giveUpAfter());
        return new DeliveryWorker(deliveries, checks, preferences, recipients, composer, sender, small, mailProperties,
                clock, new SimpleMeterRegistry());
    }

    static Instant inHours(int hours) {
        return Instant.now().plus(Duration.ofHours(hours)).truncatedTo(ChronoUnit.MINUTES);
    }

    SessionBooked book(Instant start) {
        SessionBooked booked = new SessionBooked(UUID.randomUUID(), DemoUsers.CLIENT2, DemoUsers.THERAPIST1, start,
                start.plus(Duration.ofMinutes(50)), Instant.now());
        TestEvents.publish(booked);
        return booked;
    }

    List<Map<String, Object>> reminders(UUID sessionId) {
        return database.sql("select status, attempts from delivery where subject_id = :s and kind = 'session-reminder'")
                .bind("s", sessionId).fetch().all().collectList().block();
    }

    void awaitPlanned(UUID sessionId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> reminders(sessionId).size() == count);
    }

    @Test
    void eachReminderGoesOutExactlyOnceWhileThreeInstancesRace() {
        List<SessionBooked> sessions = new ArrayList<>();
        IntStream.range(0, 12).forEach(i -> sessions.add(book(inHours(3).plus(Duration.ofMinutes(i)))));
        // 24 h before is already past when booked three hours ahead: only the one-hour reminder is planned.
        sessions.forEach(session -> awaitPlanned(session.sessionId(), 1));

        clock.advance(Duration.ofHours(2).plusMinutes(15));
        Flux.merge(otherInstance().run().subscribeOn(Schedulers.boundedElastic()),
                        otherInstance().run().subscribeOn(Schedulers.boundedElastic()))
                .blockLast(Duration.ofSeconds(60));

        await().atMost(Duration.ofSeconds(30)).until(() -> sessions.stream()
                .allMatch(session -> about(CLIENT2, "session-reminder", session.sessionId()).size() == 1));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> sessions.stream()
                .allMatch(session -> about(CLIENT2, "session-reminder", session.sessionId()).size() == 1));
        sessions.forEach(session -> assertThat(reminders(session.sessionId()))
                .containsExactly(Map.of("status", "sent", "attempts", 1)));
        assertThat(text(about(CLIENT2, "session-reminder", sessions.get(0).sessionId()).get(0), "text/plain"))
                .contains("A reminder: your therapy session with Theresa Lindqvist");
    }

    @Test
    void noReminderForASessionCancelledMeanwhile() {
        SessionBooked booked = book(inHours(3));
        awaitPlanned(booked.sessionId(), 1);
        TestEvents.publish(new SessionCancelled(booked.sessionId(), DemoUsers.CLIENT2, DemoUsers.THERAPIST1,
                booked.startsAt(), Actor.CLIENT, CancellationReason.SCHEDULE_CONFLICT, false, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> reminders(booked.sessionId())
                .equals(List.of(Map.of("status", "cancelled", "attempts", 0))));

        clock.advance(Duration.ofHours(2).plusMinutes(15));
        otherInstance().run().block(Duration.ofSeconds(30));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> about(CLIENT2, "session-reminder", booked.sessionId()).isEmpty());
    }

    @Test
    void aMovedSessionIsRemindedAtItsNewTimeOnly() {
        SessionBooked booked = book(inHours(3));
        awaitPlanned(booked.sessionId(), 1);
        Instant newStart = booked.startsAt().plus(Duration.ofDays(1));
        UUID movedId = UUID.randomUUID();
        TestEvents.publish(new SessionRescheduled(movedId, booked.sessionId(), DemoUsers.CLIENT2, DemoUsers.THERAPIST1,
                booked.startsAt(), newStart, newStart.plus(Duration.ofMinutes(50)), Actor.CLIENT, Instant.now()));
        // At the new time both reminders lie ahead: 24 hours and 1 hour before.
        awaitPlanned(movedId, 2);
        assertThat(reminders(booked.sessionId())).containsExactly(Map.of("status", "cancelled", "attempts", 0));

        clock.advance(Duration.ofHours(2).plusMinutes(15));
        otherInstance().run().block(Duration.ofSeconds(30));
        clock.advance(Duration.ofHours(1));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> about(CLIENT2, "session-reminder", movedId).size() == 1);
        clock.advance(Duration.ofHours(23));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> about(CLIENT2, "session-reminder", movedId).size() == 2);
        assertThat(about(CLIENT2, "session-reminder", booked.sessionId())).isEmpty();
    }

    @Test
    void aReminderClaimedByAnInstanceThatDiedIsSentOnceItsLeaseRunsOut() {
        SessionBooked booked = book(inHours(3));
        awaitPlanned(booked.sessionId(), 1);
        Instant due = booked.startsAt().minus(Duration.ofHours(1)).plusSeconds(1);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> about(CLIENT2, "session-booked", booked.sessionId()).size() == 1);
        // The mail server has the confirmation a moment before its delivery is recorded as sent: until then a claim
        // "at the reminder's time" would take it too, as abandoned.
        await().atMost(Duration.ofSeconds(30)).until(() -> database.sql(
                        "select count(*) from delivery where subject_id = :s and kind = 'session-booked' and status = 'sent'")
                .bind("s", booked.sessionId()).map(row -> row.get(0, Long.class)).one().block() >= 1);
        // An instance claims the reminder at its time and dies before sending it (what else it claimed goes back).
        List<Delivery> claimed = deliveries.claim(due, due.plus(properties.lease()), 500)
                .filterWhen(delivery -> delivery.subjectId().equals(booked.sessionId())
                        && delivery.kind() == Kind.SESSION_REMINDER ? Mono.just(true)
                        : deliveries.retryAt(delivery, "test", Instant.now()).map(putBack -> !putBack))
                .collectList().block();
        assertThat(claimed).extracting(Delivery::kind).containsExactly(Kind.SESSION_REMINDER);

        clock.advance(Duration.between(Instant.now(), due));
        otherInstance().run().block(Duration.ofSeconds(30));
        assertThat(about(CLIENT2, "session-reminder", booked.sessionId())).isEmpty();

        clock.advance(properties.lease().plusSeconds(5));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> about(CLIENT2, "session-reminder", booked.sessionId()).size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> about(CLIENT2, "session-reminder", booked.sessionId()).size() == 1);
        assertThat(reminders(booked.sessionId())).containsExactly(Map.of("status", "sent", "attempts", 2));
    }
}
