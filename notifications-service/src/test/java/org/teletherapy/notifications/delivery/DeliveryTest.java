package org.teletherapy.notifications.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.teletherapy.events.roster.RosterLinked;
import org.teletherapy.notifications.NotificationsTestBase;
import org.teletherapy.testsupport.DemoUsers;
import org.teletherapy.testsupport.Infrastructure;
import org.teletherapy.testsupport.TestEvents;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Sending: an SMTP server that is away loses nothing, a recipient without an account is recorded, and the log. */
class DeliveryTest extends NotificationsTestBase {

    @Autowired
    MeterRegistry meters;

    double count(String name, String kind) {
        var counter = meters.find(name).tag("kind", kind).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void anSmtpServerAwayForThirtySecondsLosesNothing() {
        double retriedBefore = count("teletherapy.notifications.retried", "exercise-assigned");
        mail.stop();
        List<UUID> assignments;
        try {
            assignments = IntStream.range(0, 5).mapToObj(i -> UUID.randomUUID()).toList();
            assignments.forEach(id -> TestEvents.publish(new org.teletherapy.events.exercises.ExerciseAssigned(id,
                    UUID.randomUUID(), DemoUsers.CLIENT3, DemoUsers.THERAPIST2, null,
                    Instant.now().plus(Duration.ofDays(7)), Instant.now())));
            // Thirty seconds without SMTP: every message is tried, fails and waits for another attempt.
            await().pollDelay(Duration.ofSeconds(30)).atMost(Duration.ofSeconds(40)).until(() -> true);
            assertThat(count("teletherapy.notifications.retried", "exercise-assigned")).isGreaterThan(retriedBefore);
            assertThat(statuses(assignments)).allMatch(row -> row.get("status").equals("pending")
                                                              && ((Integer) row.get("attempts")) >= 2);
        } finally {
            mail.start();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> assignments.stream()
                .allMatch(id -> about("client3@example.org", "exercise-assigned", id).size() == 1));
        assertThat(statuses(assignments)).allMatch(row -> row.get("status").equals("sent"));
    }

    @Test
    void aRecipientWithoutAnAccountIsRecordedAsFailedForGood() {
        UUID gone = UUID.randomUUID();
        double failedBefore = count("teletherapy.notifications.failed", "roster-linked");
        TestEvents.publish(new RosterLinked(gone, DemoUsers.THERAPIST1, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> database.sql(
                        "select status, outcome, attempts from delivery where recipient_id = :r")
                .bind("r", gone).fetch().all().collectList().block()
                .equals(List.of(Map.of("status", "failed", "outcome", "no-address", "attempts", 1))));
        // An account that is not there is no SMTP failure: nothing to count as given up after retries.
        assertThat(count("teletherapy.notifications.failed", "roster-linked")).isEqualTo(failedBefore);
    }

    @Test
    void messagesSharingAConnectionEachEndOnTheirOwn() {
        List<UUID> assignments = IntStream.range(0, 40).mapToObj(i -> UUID.randomUUID()).toList();
        UUID gone = UUID.randomUUID();
        assignments.subList(0, 20).forEach(this::assign);
        TestEvents.publish(new RosterLinked(gone, DemoUsers.THERAPIST1, Instant.now()));
        assignments.subList(20, 40).forEach(this::assign);

        await().atMost(Duration.ofSeconds(30)).until(() -> statuses(assignments).stream()
                .filter(row -> row.get("status").equals("sent")).count() == assignments.size());
        assertThat(assignments).allSatisfy(id -> assertThat(about("client3@example.org", "exercise-assigned", id))
                .hasSize(1));
        assertThat(database.sql("select status, outcome from delivery where recipient_id = :r").bind("r", gone)
                .fetch().all().collectList().block())
                .containsExactly(Map.of("status", "failed", "outcome", "no-address"));
    }

    void assign(UUID assignment) {
        TestEvents.publish(new org.teletherapy.events.exercises.ExerciseAssigned(assignment, UUID.randomUUID(),
                DemoUsers.CLIENT3, DemoUsers.THERAPIST2, null, Instant.now().plus(Duration.ofDays(7)), Instant.now()));
    }

    @Test
    void eachPersonSeesTheirOwnDeliveryLogWithoutAddressesOrTexts() {
        TestEvents.publish(new RosterLinked(DemoUsers.CLIENT3, DemoUsers.THERAPIST2, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !mail.messagesTo("client3@example.org").isEmpty());
        String token = Infrastructure.shared().keycloak().accessToken("client3");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> web.get()
                .uri("/api/v1/notification-preferences/deliveries")
                .header("Authorization", "Bearer " + token)
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.kind == 'roster-linked' && @.status == 'sent')]").exists()
                .jsonPath("$[0].attempts").isNumber()
                .jsonPath("$[0].dueAt").isNotEmpty()
                .jsonPath("$[0].email").doesNotExist()
                .jsonPath("$[0].recipientId").doesNotExist());
        String other = Infrastructure.shared().keycloak().accessToken("client2");
        web.get().uri("/api/v1/notification-preferences/deliveries").header("Authorization", "Bearer " + other)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.kind == 'exercise-assigned')]").doesNotExist();
    }

    List<Map<String, Object>> statuses(List<UUID> subjects) {
        return database.sql("select status, attempts from delivery where subject_id = any(:s)")
                .bind("s", subjects.toArray(UUID[]::new)).fetch().all().collectList().block();
    }
}
