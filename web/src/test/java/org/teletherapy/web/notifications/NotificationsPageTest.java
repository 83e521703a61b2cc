package org.teletherapy.web.notifications;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClientConfigurer;
import org.teletherapy.web.SignedInPageTest;
import org.teletherapy.web.StandInApi.Answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

/** Choosing which e-mails come, and seeing what was sent, against what notifications-service answers. */
class NotificationsPageTest extends SignedInPageTest {

    private static final String PREFERENCES = "/api/v1/notification-preferences";
    private static final String DELIVERIES = "/api/v1/notification-preferences/deliveries";

    @Test
    void theChoicesAndTheDeliveryLogShowWhatTheServiceKeeps() {
        API.answer(PREFERENCES, Answer.json("""
                {"confirmations":true,"reminders":true,"homework":false,"reminderLeadMinutes":[1440,45]}"""));
        API.answer(DELIVERIES, Answer.json("""
                [{"kind":"session-reminder","status":"sent","dueAt":"2026-12-07T09:00:00Z","sentAt":"2026-12-07T09:00:04Z","attempts":3},
                 {"kind":"session-booked","status":"failed","dueAt":"2026-12-01T08:00:00Z","sentAt":null,"attempts":1}]"""));

        Document page = get(client(), "/settings/notifications", "en");

        assertThat(page.select("h1").text()).isEqualTo("E-mail notifications");
        assertThat(page.select("[role=status]")).as("no 'Saved.' before anything was saved").isEmpty();
        assertThat(page.select("input[name=confirmations]").hasAttr("checked")).isTrue();
        assertThat(page.select("input[name=reminders]").hasAttr("checked")).isTrue();
        assertThat(page.select("input[name=homework]").hasAttr("checked")).isFalse();
        assertThat(page.select("input[name=lead][checked]").eachAttr("value")).containsExactly("1440", "45");
        // The usual choices, longest first, and the 45 minutes set through the API, so saving keeps it.
        assertThat(page.select(".lead-times label").eachText()).containsExactly("7 days before", "2 days before",
                "1 day before", "3 hours before", "1 hour before", "45 minutes before", "30 minutes before",
                "15 minutes before");
        assertThat(page.select(".delivery-log tbody tr").eachText()).containsExactly(
                "Monday, December 7, 2026, 10:00 AM Reminder Sent (3 attempts)",
                "Tuesday, December 1, 2026, 9:00 AM Session booked Could not be delivered");
        assertThat(API.tokenSentTo(PREFERENCES)).isEqualTo("Bearer client1-access-token");
    }

    @Test
    void savingSendsWhatIsTickedAndSaysSo() {
        API.answer("PUT " + PREFERENCES, Answer.json("""
                {"confirmations":false,"reminders":true,"homework":true,"reminderLeadMinutes":[2880,60]}"""));

        web.mutateWith(client()).mutateWith(csrf()).post().uri("/settings/notifications")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .bodyValue("reminders=on&homework=on&lead=2880&lead=60&lead=not-a-number").exchange()
                .expectStatus().is3xxRedirection().expectHeader().location("/settings/notifications?saved");

        assertThat(API.bodySentTo("PUT", PREFERENCES)).isEqualTo(
                "{\"confirmations\":false,\"reminders\":true,\"homework\":true,\"reminderLeadMinutes\":[2880,60]}");
    }

    @Test
    void theServicesReasonStandsBesideTheLeadTimesAndNothingTickedIsLost() {
        API.answer("PUT " + PREFERENCES, new Answer(400, "application/problem+json", """
                {"type":"urn:teletherapy:problem:validation","title":"Invalid request","status":400,
                 "detail":"The request has invalid fields.",
                 "errors":[{"field":"reminderLeadMinutes","code":"Size","message":"size must be between 1 and 3"}]}"""));

        Document page = post(client(), "confirmations=on&reminders=on&lead=10080&lead=2880&lead=1440&lead=60");

        assertThat(page.select("#lead-times-error").text()).isEqualTo("Choose one, two or three times.");
        assertThat(page.select("fieldset.lead-times").attr("aria-describedby")).isEqualTo("lead-times-error");
        assertThat(page.select("input[name=lead][checked]").eachAttr("value")).containsExactly("10080", "2880", "1440", "60");
        assertThat(page.select("input[name=confirmations]").hasAttr("checked")).isTrue();
        assertThat(page.select("input[name=homework]").hasAttr("checked")).isFalse();
    }

    @Test
    void turningRemindersOffWithNoTimeTickedKeepsTheStoredTimes() {
        API.answer("GET " + PREFERENCES, Answer.json("""
                {"confirmations":true,"reminders":true,"homework":true,"reminderLeadMinutes":[1440,60]}"""));
        API.answer("PUT " + PREFERENCES, Answer.json("""
                {"confirmations":true,"reminders":false,"homework":true,"reminderLeadMinutes":[1440,60]}"""));

        web.mutateWith(client()).mutateWith(csrf()).post().uri("/settings/notifications")
                .header("Content-Type", "application/x-www-form-urlencoded").bodyValue("confirmations=on&homework=on")
                .exchange().expectStatus().is3xxRedirection();

        assertThat(API.bodySentTo("PUT", PREFERENCES)).isEqualTo(
                "{\"confirmations\":true,\"reminders\":false,\"homework\":true,\"reminderLeadMinutes\":[1440,60]}");
    }

    @Test
    void whenTheServiceIsDownThePageSaysSoAndASaveKeepsTheTicks() {
        API.answer(PREFERENCES, Answer.problem(503, "service-unavailable"));
        API.answer(DELIVERIES, Answer.problem(503, "service-unavailable"));

        Document shown = get(client(), "/settings/notifications", "en");
        assertThat(shown.select("form.card")).isEmpty();
        assertThat(shown.select(".notice").eachText()).contains(
                "Your e-mail choices cannot be shown right now. Please try again in a minute.",
                "The list cannot be shown right now.");

        Document saved = post(client(), "reminders=on&lead=60");
        assertThat(saved.select("[role=alert]").text()).startsWith("Not saved:");
        assertThat(saved.select("input[name=reminders]").hasAttr("checked")).isTrue();
        assertThat(saved.select("input[name=lead][checked]").eachAttr("value")).containsExactly("60");
    }

    @Test
    void aTherapistHasNoHomeworkBoxAndIsToldSafetyAlertsAlwaysCome() {
        API.answer(PREFERENCES, Answer.json("""
                {"confirmations":true,"reminders":false,"homework":true,"reminderLeadMinutes":[60]}"""));
        API.answer(DELIVERIES, Answer.json("[]"));

        Document page = get(therapist(), "/settings/notifications", "de");

        assertThat(page.select("h1").text()).isEqualTo("E-Mail-Benachrichtigungen");
        assertThat(page.select("input[name=homework]")).isEmpty();
        assertThat(page.select("input[name=reminders]").hasAttr("checked")).isFalse();
        assertThat(page.text()).contains("Sicherheitshinweise zu Ihren Klientinnen und Klienten erreichen Sie immer")
                .contains("Noch keine E-Mails.");
        assertThat(page.select(".lead-times label").eachText()).contains("1 Stunde vorher", "7 Tage vorher");
    }

    @Test
    void anOperatorIsToldThereIsNothingToChoose() {
        Document page = get(operator(), "/settings/notifications", "en");

        assertThat(page.select("form.card")).isEmpty();
        assertThat(page.text()).contains("Operator accounts get no e-mails from the platform");
        assertThat(API.tokenSentTo(PREFERENCES)).isNull();
    }

    private Document get(WebTestClientConfigurer who, String path, String language) {
        return Jsoup.parse(web.mutateWith(who).get().uri(path).cookie("lang", language).cookie("tz", "Europe/Berlin")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    private Document post(WebTestClientConfigurer who, String form) {
        return Jsoup.parse(web.mutateWith(who).mutateWith(csrf()).post().uri("/settings/notifications")
                .header("Content-Type", "application/x-www-form-urlencoded").bodyValue(form).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }


    private WebTestClientConfigurer operator() {
        return signedInAs(SUBJECT, "ROLE_OPERATOR");
    }
}
