package org.teletherapy.system;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.teletherapy.testsupport.DemoUsers;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A therapist's day in real Chromium: client1 books in their own browser, the session begins (moved to a few minutes
 * ago through sessions-service's database: the API rightly refuses a booking in the past, and a test does not wait),
 * therapist1 completes it from the week, and writes and signs its note from "notes still due".
 */
@Order(10)
class SessionDayBrowserTest extends BrowserTest {

    @Test
    void aSessionClient1BookedIsCompletedFromTheWeekAndItsNoteWrittenAndSigned() {
        DemoScenario scenario = scenario();
        scenario.openCalendar("therapist1", "UTC");
        UUID session = scenario.bookSomewhereFree("client1", DemoUsers.THERAPIST1);

        // client1 sees the booking in their own browser.
        openBrowser(390, "en-GB");
        signIn("client1");
        page.navigate(gatewayUrl + "/sessions/" + session);
        assertThat(page.locator("main")).containsText("Theresa");
        context.close();

        Instant began = Instant.now().minus(Duration.ofMinutes(5)).truncatedTo(ChronoUnit.SECONDS);
        running.update("sessions", """
                update session set starts_at = ?, ends_at = ?, blocked_until = ? where id = ?""",
                java.sql.Timestamp.from(began), java.sql.Timestamp.from(began.plus(Duration.ofMinutes(50))),
                java.sql.Timestamp.from(began.plus(Duration.ofMinutes(60))), session);

        openBrowser(1280, "en-GB");
        signIn("therapist1");
        page.navigate(gatewayUrl + "/week");
        Locator complete = page.locator("form[action='/week/sessions/" + session + "/complete'] button");
        assertThat(complete).isVisible();
        screenshots("session-day-today");
        complete.click();
        assertThat(page.getByRole(AriaRole.STATUS).first()).containsText("completed");

        // notes-service learns of the completion by event: the week lists the note as due once it has.
        Locator due = page.locator("a[href='/notes/new?sessionId=" + session + "']");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            if (due.count() == 0) {
                page.reload();
            }
            return due.count() > 0;
        });
        due.click();
        assertThat(page.locator(".note-kind.progress")).isVisible();
        String text = "Session held; next steps agreed. " + UUID.randomUUID();
        page.getByLabel("Progress note", new Page.GetByLabelOptions().setExact(true)).fill(text);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save draft")).click();
        page.waitForURL(Pattern.compile(".*/notes/[0-9a-f-]{36}$"));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign…")).click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign and lock")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("The note is signed and locked.");
        assertThat(page.locator(".note-read .note-text")).hasText(text);

        page.navigate(gatewayUrl + "/week");
        assertThat(page.locator("a[href='/notes/new?sessionId=" + session + "']")).hasCount(0);
        screenshots("session-day-done");
    }
}
