package org.teletherapy.system;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** A client chooses which e-mails come, in real Chromium through the real sign-in, against notifications-service. */
@Order(9)
class NotificationsBrowserTest extends BrowserTest {

    @AfterEach
    void defaultsAgain() {
        gateway().put().uri("/api/v1/notification-preferences")
                .headers(h -> h.setBearerAuth(running.keycloak.accessToken("client3")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("confirmations", true, "reminders", true, "homework", true,
                        "reminderLeadMinutes", List.of(1440, 60)))
                .exchange().expectStatus().isOk();
    }

    @Test
    void aClientTurnsHomeworkMailOffAndChoosesWhenRemindersComeWithTheReasonWhenTooMany() {
        openBrowser(390, "en-GB");
        signIn("client3");
        page.navigate(gatewayUrl + "/settings");
        page.locator("a:has-text('E-mail notifications')").click();
        assertThat(page.locator("h1")).hasText("E-mail notifications");
        assertThat(page.locator("input[name=homework]")).isChecked();
        assertThat(page.locator("input[name=lead][value='1440']")).isChecked();
        assertThat(page.locator("input[name=lead][value='60']")).isChecked();
        screenshots("notifications");
        assertThat(seriousViolations("notifications")).isEmpty();

        page.locator("label:has-text('when I get homework')").click();
        page.locator("label:has-text('3 hours before')").click();
        page.locator("label:has-text('7 days before')").click();
        page.locator("button:has-text('Save choices')").click();
        assertThat(page.locator("#lead-times-error")).hasText("Choose one, two or three times.");
        assertThat(page.locator("input[name=lead][value='10080']")).isChecked();
        assertThat(page.locator("input[name=homework]")).not().isChecked();
        screenshots("notifications-refused");
        assertThat(seriousViolations("notifications refused")).isEmpty();

        page.locator("label:has-text('7 days before')").click();
        page.locator("button:has-text('Save choices')").click();
        assertThat(page.locator("[role=status]")).containsText("Saved.");

        page.reload();
        assertThat(page.locator("input[name=homework]")).not().isChecked();
        assertThat(page.locator("input[name=lead]:checked")).hasCount(3);
        assertThat(page.locator("input[name=lead][value='180']")).isChecked();
    }
}
