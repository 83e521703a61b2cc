package org.teletherapy.notifications.preference;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.teletherapy.events.exercises.ExerciseAssigned;
import org.teletherapy.events.exercises.Instrument;
import org.teletherapy.events.exercises.MeasureSafetyAlert;
import org.teletherapy.notifications.NotificationsTestBase;
import org.teletherapy.testsupport.DemoUsers;
import org.teletherapy.testsupport.Infrastructure;
import org.teletherapy.testsupport.TestEvents;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.teletherapy.notifications.Mails.header;

class PreferencesTest extends NotificationsTestBase {

    static String token(String user) {
        return "Bearer " + Infrastructure.shared().keycloak().accessToken(user);
    }

    @AfterEach
    void defaultsAgain() {
        database.sql("delete from notification_preference").then().block();
    }

    @Test
    void remindersAreOnForClientsAndOffForTherapistsUntilTheyChoose() {
        web.get().uri("/api/v1/notification-preferences").header("Authorization", token("client1")).exchange()
                .expectStatus().isOk().expectBody()
                .json("{\"confirmations\":true,\"reminders\":true,\"homework\":true,\"reminderLeadMinutes\":[1440,60]}");
        web.get().uri("/api/v1/notification-preferences").header("Authorization", token("therapist1")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.reminders").isEqualTo(false);

        web.put().uri("/api/v1/notification-preferences").header("Authorization", token("therapist1"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("confirmations", false, "reminders", true, "homework", true,
                        "reminderLeadMinutes", List.of(30, 120)))
                .exchange()
                .expectStatus().isOk().expectBody()
                .json("{\"confirmations\":false,\"reminders\":true,\"homework\":true,\"reminderLeadMinutes\":[120,30]}");
        web.get().uri("/api/v1/notification-preferences").header("Authorization", token("therapist1")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.reminderLeadMinutes").isEqualTo(List.of(120, 30));
    }

    @Test
    void badChoicesAnswerProblemDetailsNamingTheField() {
        web.put().uri("/api/v1/notification-preferences").header("Authorization", token("client1"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("confirmations", true, "reminders", true, "homework", true,
                        "reminderLeadMinutes", List.of(5)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:teletherapy:problem:validation")
                .jsonPath("$.errors[0].field").value(field -> assertThat((String) field).startsWith("reminderLeadMinutes"));
        web.put().uri("/api/v1/notification-preferences").header("Authorization", token("client1"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("confirmations", true, "reminders", true, "homework", true,
                        "reminderLeadMinutes", List.of(60, 60)))
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:duplicate-lead-time");
        web.put().uri("/api/v1/notification-preferences").header("Authorization", token("client1"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"confirmations\":\"yes\",\"reminders\":true,\"homework\":true,\"reminderLeadMinutes\":[60]}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:malformed-request");
        web.get().uri("/api/v1/notification-preferences").header("Authorization", token("operator1")).exchange()
                .expectStatus().isForbidden();
        web.get().uri("/api/v1/notification-preferences").exchange().expectStatus().isUnauthorized();
        web.post().uri("/api/v1/notification-preferences/unsubscribe?token=forged." + DemoUsers.CLIENT1)
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:invalid-unsubscribe-token");
    }

    @Test
    void aOneClickUnsubscribeIsRespectedAndTheSafetyMailIsNotSuppressedByAnything() {
        UUID first = UUID.randomUUID();
        TestEvents.publish(assigned(first));
        MimeMessage message = awaitOne("client2@example.org", "exercise-assigned", first);
        String link = header(message, "List-Unsubscribe").replaceAll("^<|>$", "");
        String query = link.substring(link.indexOf("/api/v1/"));
        // What a mail program does for RFC 8058: POST the address with List-Unsubscribe=One-Click, no sign-in.
        web.post().uri(query)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED).bodyValue("List-Unsubscribe=One-Click")
                .exchange()
                .expectStatus().isOk().expectBody().json("{\"category\":\"homework\",\"subscribed\":false}");
        web.get().uri("/api/v1/notification-preferences").header("Authorization", token("client2")).exchange()
                .expectBody().jsonPath("$.homework").isEqualTo(false).jsonPath("$.confirmations").isEqualTo(true);

        UUID second = UUID.randomUUID();
        TestEvents.publish(assigned(second));
        await().atMost(Duration.ofSeconds(30)).until(() -> "skipped".equals(database
                .sql("select status from delivery where subject_id = :s").bind("s", second)
                .map(row -> row.get("status", String.class)).one().block()));
        assertThat(about("client2@example.org", "exercise-assigned", second)).isEmpty();

        // A therapist who turned everything off still hears of a client who needs attention.
        web.put().uri("/api/v1/notification-preferences").header("Authorization", token("therapist1"))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("confirmations", false, "reminders", false, "homework", false,
                        "reminderLeadMinutes", List.of(60)))
                .exchange().expectStatus().isOk();
        UUID alert = UUID.randomUUID();
        TestEvents.publish(new MeasureSafetyAlert(alert, UUID.randomUUID(), DemoUsers.CLIENT2, DemoUsers.THERAPIST1,
                Instrument.PHQ_9, Instant.now()));
        MimeMessage safety = awaitOne("therapist1@example.org", "safety-alert", alert);
        assertThat(header(safety, "List-Unsubscribe")).isNull();
        assertThat(header(safety, "List-Unsubscribe-Post")).isNull();
    }

    static ExerciseAssigned assigned(UUID assignmentId) {
        return new ExerciseAssigned(assignmentId, UUID.randomUUID(), DemoUsers.CLIENT2, DemoUsers.THERAPIST1, null,
                Instant.now().plus(Duration.ofDays(3)), Instant.now());
    }
}
