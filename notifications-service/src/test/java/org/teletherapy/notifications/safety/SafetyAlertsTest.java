package org.teletherapy.notifications.safety;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.teletherapy.events.exercises.Instrument;
import org.teletherapy.events.exercises.MeasureSafetyAlert;
import org.teletherapy.events.exercises.MeasureSafetyAlertAcknowledged;
import org.teletherapy.notifications.NotificationsTestBase;
import org.teletherapy.testsupport.DemoUsers;
import org.teletherapy.testsupport.TestEvents;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.teletherapy.notifications.Mails.everything;

class SafetyAlertsTest extends NotificationsTestBase {

    static final String ON_CALL = "on-call@clinic.example";

    /** exercises-service announces an alert once per therapist of the client, with the alert's id. */
    static UUID raise(UUID clientId, UUID... therapists) {
        UUID alert = UUID.randomUUID();
        UUID response = UUID.randomUUID();
        Instant now = Instant.now();
        for (UUID therapist : therapists) {
            TestEvents.publish(new MeasureSafetyAlert(alert, response, clientId, therapist, Instrument.PHQ_9, now));
        }
        return alert;
    }

    @Test
    void eachTherapistIsToldAtOnceThatAClientNeedsAttentionAndNothingMore() {
        UUID alert = raise(DemoUsers.CLIENT1, DemoUsers.THERAPIST1, DemoUsers.THERAPIST2);
        for (String therapist : new String[]{"therapist1@example.org", "therapist2@example.org"}) {
            MimeMessage message = awaitOne(therapist, "safety-alert", alert);
            String all = everything(message);
            assertThat(all).contains("needs your follow-up", "http://localhost:8080/");
            // No name, no instrument, no score, no answer.
            assertThat(all).doesNotContain("Clara", "Meyer", "PHQ", "score", "item 9");
        }
    }

    @Test
    void anAlertNobodyAcknowledgedIsEscalatedToTheOnCallAddressOnce() {
        UUID alert = raise(DemoUsers.CLIENT1, DemoUsers.THERAPIST1, DemoUsers.THERAPIST2);
        awaitOne("therapist1@example.org", "safety-alert", alert);
        awaitOne("therapist2@example.org", "safety-alert", alert);
        clock.advance(Duration.ofMinutes(14));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> about(ON_CALL, "safety-escalation", alert).isEmpty());

        clock.advance(Duration.ofMinutes(2));
        MimeMessage escalation = awaitOne(ON_CALL, "safety-escalation", alert);
        assertThat(everything(escalation)).doesNotContain("Clara", "Meyer", "PHQ", "score", "Unsubscribe");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> about(ON_CALL, "safety-escalation", alert).size() == 1);
    }

    @Test
    void anAcknowledgedAlertIsNotEscalated() {
        UUID alert = raise(DemoUsers.CLIENT2, DemoUsers.THERAPIST1);
        awaitOne("therapist1@example.org", "safety-alert", alert);
        TestEvents.publish(new MeasureSafetyAlertAcknowledged(alert, DemoUsers.CLIENT2, DemoUsers.THERAPIST1,
                Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "cancelled".equals(database
                .sql("select status from delivery where subject_id = :s and kind = 'safety-escalation'")
                .bind("s", alert).map(row -> row.get("status", String.class)).one().block()));

        clock.advance(Duration.ofMinutes(20));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> about(ON_CALL, "safety-escalation", alert).isEmpty());
    }
}
