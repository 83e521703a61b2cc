package org.teletherapy.system;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.teletherapy.testsupport.DemoUsers;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client portal in real Chromium, through the gateway, signing in on Keycloak's own login page. Runs before the
 * system tests that stop parts of the platform.
 */
@Order(1)
class ClientPortalBrowserTest extends BrowserTest {

    static final ZoneId BERLIN_ZONE = ZoneId.of(BERLIN);

    /** A phone in Berlin with an English browser: the page must come out in its language and time zone. */
    void openBrowser(int width) {
        openBrowser(width, "en-GB");
    }

    @Test
    void aVisitorWhoIsNotSignedInIsSentToKeycloaksSignInPage() {
        openBrowser(390);
        page.navigate(gatewayUrl + "/");
        assertThat(page.locator("#username")).isVisible();
        assertThat(page.url()).startsWith(running.platform.keycloak().url() + "/realms/teletherapy/");
    }

    @Test
    void aClientSignsInAndSeesTheirNextSessionInTheirOwnTimeZone() {
        Instant start = bookForClient1InThreeDays();
        openBrowser(390);
        signIn("client1");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1))).hasText("Hello, Clara");
        // The session starts at 10:00 UTC: Berlin's clock says 11:00 in winter, 12:00 in summer.
        ZonedDateTime inBerlin = start.atZone(BERLIN_ZONE);
        assertThat(page.locator(".card.next .when"))
                .containsText(DateTimeFormatter.ofPattern("EEEE, MMMM d, y", Locale.ENGLISH).format(inBerlin));
        assertThat(page.locator(".card.next .when"))
                .containsText(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(Locale.ENGLISH).format(inBerlin));
        assertThat(page.locator(".card.next")).containsText("with Theresa Lindqvist");
        assertThat(page.locator(".card.next")).containsText("The video room opens");
        Browsers.screenshot(page, "home-390");
        page.setViewportSize(1280, 900);
        Browsers.screenshot(page, "home-1280");
    }

    @Test
    void aClientBooksAFreeTimeAndFindsItOnTheirHomePage() {
        scenario().openCalendar("therapist1", "UTC");
        openBrowser(390);
        signIn("client1");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Book").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Book a session with Theresa Lindqvist");
        // Two weeks ahead: clear of the sessions the other system tests book.
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next week")).click();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next week")).click();
        var firstTime = page.locator(".slots button").first();
        String label = firstTime.textContent().trim();
        Browsers.screenshot(page, "book-390");
        firstTime.click();

        assertThat(page.locator("h1")).hasText("Your session is booked");
        assertThat(page.locator(".when")).containsText(label);
        Browsers.screenshot(page, "booked-390");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to my sessions")).click();
        assertThat(page.locator("main")).containsText(label);
    }

    @Test
    void aTimeAnotherClientTakesFirstIsAnsweredWithAFriendlyMessage() {
        scenario().openCalendar("therapist1", "UTC");
        openBrowser(1280);
        signIn("client1");
        page.navigate(gatewayUrl + "/book/" + DemoUsers.THERAPIST1 + "?week=3");
        var secondTime = page.locator(".slots form").nth(1);
        Instant start = Instant.parse(secondTime.locator("input[name=start]").inputValue());

        // client2 books it while client1 is still looking at the page.
        scenario().book("client2", DemoUsers.THERAPIST1, start);
        secondTime.locator("button").click();

        assertThat(page.getByRole(AriaRole.ALERT)).hasText(
                "Someone else booked that time a moment ago. Please choose another one.");
        // The time is gone from what is offered; the others are still there.
        assertThat(page.locator("input[name=start][value='" + start + "']")).hasCount(0);
        assertThat(page.locator(".slots button").first()).isVisible();
        Browsers.screenshot(page, "book-taken-1280");
    }

    @Test
    void cancellingInsideTheLastDayWarnsThatItIsLateBeforeTheClientConfirms() {
        DemoScenario scenario = scenario();
        scenario.openCalendar("therapist1", "UTC");
        // Inside the late window (24 h) and beyond the minimum notice (12 h).
        Instant start = Instant.now().plus(18, ChronoUnit.HOURS).truncatedTo(ChronoUnit.HOURS).plus(1, ChronoUnit.HOURS);
        var session = scenario.book("client1", DemoUsers.THERAPIST1, start);
        openBrowser(390);
        signIn("client1");

        page.navigate(gatewayUrl + "/sessions/" + session);
        assertThat(page.getByRole(AriaRole.NOTE)).containsText("counts as a late cancellation");
        page.getByLabel("Why are you cancelling?").selectOption("illness");
        Browsers.screenshot(page, "cancel-late-390");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Cancel anyway (late)")).click();

        assertThat(page.locator(".tag")).containsText(new String[] {"Cancelled", "Late cancellation"});
        assertThat(page.locator("main")).containsText("Reason: I am ill");
    }

    @Test
    void afterSigningOutTheBackButtonShowsNoPersonalData() {
        openBrowser(1280);
        signIn("client1");
        assertThat(page.locator("h1")).hasText("Hello, Clara");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page.locator("h1")).hasText("You are signed out");
        assertThat(page.url()).isEqualTo(gatewayUrl + "/signed-out");

        page.goBack();
        page.waitForLoadState();
        assertThat(page.content()).doesNotContain("Clara").doesNotContain("Theresa");
        // Keycloak's session ended too: the portal asks for a password again.
        page.navigate(gatewayUrl + "/");
        assertThat(page.locator("#username")).isVisible();
    }

    private Instant bookForClient1InThreeDays() {
        DemoScenario scenario = scenario();
        scenario.openCalendar("therapist1", "UTC");
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).plus(10, ChronoUnit.HOURS);
        scenario.book("client1", DemoUsers.THERAPIST1, start);
        return start;
    }
}
