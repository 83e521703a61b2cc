package org.teletherapy.notifications.erasure;

import org.junit.jupiter.api.Test;
import org.teletherapy.events.Topics;
import org.teletherapy.events.accounts.ClientErased;
import org.teletherapy.events.exercises.Instrument;
import org.teletherapy.events.exercises.MeasureSafetyAlert;
import org.teletherapy.events.sessions.SessionBooked;
import org.teletherapy.notifications.NotificationsTestBase;
import org.teletherapy.testsupport.DemoUsers;
import org.teletherapy.testsupport.TestEvents;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ClientErasureTest extends NotificationsTestBase {

    @Test
    void anErasedClientLeavesNoSessionAlertChoiceOrDeliveryBehindAndNoEscalationGoesOut() {
        UUID client = UUID.randomUUID();
        Instant start = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.HOURS);
        SessionBooked booked = new SessionBooked(UUID.randomUUID(), client, DemoUsers.THERAPIST1, start,
                start.plus(Duration.ofMinutes(50)), Instant.now());
        UUID alert = UUID.randomUUID();
        TestEvents.publish(booked);
        TestEvents.publish(new MeasureSafetyAlert(alert, UUID.randomUUID(), client, DemoUsers.THERAPIST1,
                Instrument.PHQ_9, Instant.now()));
        database.sql("""
                insert into notification_preference (user_id, confirmations, reminders, homework, reminder_lead_minutes,
                                                     updated_at) values (:user, true, true, false, '{60}', now())""")
                .bind("user", client).then().block();
        // Both events applied: the session's confirmations and reminders, the alert's mail and its escalation planned.
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("select count(*) from delivery where subject_id = :s and kind = 'safety-escalation'", alert) == 1
                        && count("select count(*) from delivery where recipient_id = :s", client) >= 2);

        TestEvents.publish(new ClientErased(client, Instant.now()));

        await().atMost(Duration.ofSeconds(30)).until(() -> traces(client, booked.sessionId(), alert) == 0);
        // Past the escalation's time: nothing is left to go out to the on-call address about this client.
        clock.advance(Duration.ofMinutes(20));
        TestEvents.publish(new ClientErased(client, Instant.now()));
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                .until(() -> traces(client, booked.sessionId(), alert) == 0);
        assertThat(about("on-call@example.org", "safety-escalation", alert)).isEmpty();
    }

    @Test
    void theNotificationsPartIsConfirmedThroughTheOutboxOnceForOneEvent() {
        UUID client = UUID.randomUUID();
        database.sql("""
                insert into notification_preference (user_id, confirmations, reminders, homework, reminder_lead_minutes,
                                                     updated_at) values (:user, true, true, false, '{60}', now())""")
                .bind("user", client).then().block();
        ClientErased erased = new ClientErased(client, Instant.now());
        UUID eventId = UUID.randomUUID();

        TestEvents.publish(erased, eventId);
        TestEvents.publish(erased, eventId);

        await().atMost(Duration.ofSeconds(30)).until(() -> confirmations(client) == 1);
        assertThat(count("select count(*) from notification_preference where user_id = :s", client))
                .as("erased in the confirmation's transaction").isZero();
        List<String> published = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            published.clear();
            published.addAll(TestEvents.published(Topics.ERASURE, "erasure.part-done",
                    payload -> payload.contains(client.toString()), Duration.ofSeconds(2)));
            return !published.isEmpty();
        });
        assertThat(published).hasSize(1);
        assertThat(published.get(0)).contains("\"part\":\"notifications\"", "\"outcome\":\"done\"");
        assertThat(confirmations(client)).as("the redelivery was a duplicate").isEqualTo(1);
    }

    private long confirmations(UUID client) {
        return count("""
                select count(*) from eventing.outbox_event
                 where event_type = 'erasure.part-done' and topic = 'teletherapy.erasure.v1'
                   and event_key = cast(:s as text)""", client);
    }

    /** Rows anywhere in the service that concern the client: their sessions, alert, choice and deliveries. */
    private long traces(UUID client, UUID session, UUID alert) {
        return count("select count(*) from known_session where client_id = :s", client)
                + count("select count(*) from safety_alert where client_id = :s", client)
                + count("select count(*) from notification_preference where user_id = :s", client)
                + count("select count(*) from delivery where recipient_id = :s", client)
                + count("select count(*) from delivery where subject_id = :s", session)
                + count("select count(*) from delivery where subject_id = :s", alert);
    }

    private long count(String sql, UUID id) {
        return database.sql(sql).bind("s", id).map(row -> row.get(0, Long.class)).one().block();
    }
}
