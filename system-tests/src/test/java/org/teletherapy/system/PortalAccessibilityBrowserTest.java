package org.teletherapy.system;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.teletherapy.testsupport.DemoUsers;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The portal as people who do not use a mouse, or who use a screen reader, meet it: an axe-core scan of every page
 * (WCAG 2.2 AA rules; no serious or critical violation), booking with the keyboard alone, and a series that cannot
 * be booked naming its dates. Screenshots of each page at 390 and 1280 px go to target/browser-screenshots.
 */
@Order(3)
class PortalAccessibilityBrowserTest extends BrowserTest {

    @Test
    void noPageOfThePortalHasASeriousOrCriticalAccessibilityViolation() {
        UUID session = scenario().book("client1", DemoUsers.THERAPIST1, freeTimeInDays(4));
        UUID questionnaire = scenario().assignToClient1(DemoScenario.PHQ9);
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("home", "/");
        pages.put("book", "/book/" + DemoUsers.THERAPIST1 + "?week=1");
        pages.put("book-series", "/book/" + DemoUsers.THERAPIST1 + "?week=1&repeat=weekly&count=4");
        pages.put("booked", "/sessions/" + session + "/booked");
        pages.put("session", "/sessions/" + session);
        pages.put("homework", "/homework");
        pages.put("questionnaire", "/homework/" + questionnaire);
        pages.put("scores", "/scores");
        pages.put("calendar", "/calendar");
        pages.put("settings", "/settings");
        pages.put("not-found", "/no-such-page");
        List<String> violations = new ArrayList<>();
        for (String language : List.of("en-GB", "de-DE")) {
            openBrowser(390, language);
            signIn("client1");
            for (Map.Entry<String, String> each : pages.entrySet()) {
                page.navigate(gatewayUrl + each.getValue());
                page.waitForLoadState();
                violations.addAll(seriousViolations(each.getKey() + " (" + language + ")"));
                // Every page in English; in German the questionnaire too, whose wording stays English.
                if (language.equals("en-GB") || each.getKey().equals("questionnaire")) {
                    String name = language.equals("en-GB") ? each.getKey() : each.getKey() + "-de";
                    Browsers.screenshot(page, name + "-390");
                    page.setViewportSize(1280, 900);
                    Browsers.screenshot(page, name + "-1280");
                    page.setViewportSize(390, 900);
                }
            }
            context.close();
        }
        openBrowser(390, "en-GB");
        page.navigate(gatewayUrl + "/signed-out");
        violations.addAll(seriousViolations("signed-out"));

        assertThat(violations).isEmpty();
    }

    @Test
    void aClientBooksWithTheKeyboardAloneAndSeesWhereTheFocusIs() {
        scenario().openCalendar("therapist1", "UTC");
        openBrowser(1280, "en-GB");
        signIn("client1");

        tabTo("nav a", "Book");
        assertFocusIsVisible();
        page.keyboard().press("Enter");
        page.waitForURL("**/book/**");
        tabTo(".week-nav a", "Next week");
        page.keyboard().press("Enter");
        page.waitForURL("**week=1**");
        tabTo(".week-nav a", "Next week");
        page.keyboard().press("Enter");
        page.waitForURL("**week=2**");
        // The first day is open; its first time is a button like any other.
        String time = tabTo(".slots button", null);
        assertFocusIsVisible();
        page.keyboard().press("Enter");

        assertThat(page.locator("h1")).hasText("Your session is booked");
        assertThat(page.locator(".when")).containsText(time);
    }

    @Test
    void aWeeklySeriesThatCollidesWithAnotherBookingNamesTheDate() {
        DemoScenario scenario = scenario();
        scenario.openCalendar("therapist1", "UTC");
        openBrowser(390, "en-GB");
        signIn("client1");
        page.navigate(gatewayUrl + "/book/" + DemoUsers.THERAPIST1 + "?week=5");
        page.getByLabel("Every week").check();
        page.getByLabel("Number of sessions").fill("3");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show times")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Each time you choose books 3 weekly sessions, starting then.");
        var firstTime = page.locator(".slots form").first();
        Instant start = Instant.parse(firstTime.locator("input[name=start]").inputValue());
        // Someone else has the same time a week later.
        scenario.book("client2", DemoUsers.THERAPIST1, start.plus(7, ChronoUnit.DAYS));
        firstTime.locator("button").click();

        assertThat(page.getByRole(AriaRole.ALERT)).containsText("The series cannot be booked: these dates are not free.");
        assertThat(page.locator(".conflicts li")).hasCount(1);
        Browsers.screenshot(page, "series-conflict-390");
        page.setViewportSize(1280, 900);
        Browsers.screenshot(page, "series-conflict-1280");

        // Every other week misses the taken date: all three are booked, and the confirmation lists them.
        page.setViewportSize(390, 900);
        page.getByLabel("Every other week").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Show times")).click();
        page.locator(".slots form").first().locator("button").click();
        assertThat(page.locator("h1")).hasText("Your sessions are booked");
        assertThat(page.locator(".series-dates li")).hasCount(3);
        Browsers.screenshot(page, "series-booked-390");
    }

    /** Presses Tab until an element matching the selector (and text, if given) has the focus; returns its text. */
    private String tabTo(String selector, String text) {
        for (int presses = 0; presses < 80; presses++) {
            page.keyboard().press("Tab");
            Object focused = page.evaluate("([selector, text]) => { const e = document.activeElement;"
                    + " return e && e.matches(selector) && (!text || e.textContent.trim() === text)"
                    + " ? e.textContent.trim() : null; }", Arrays.asList(selector, text == null ? "" : text));
            if (focused != null) {
                return (String) focused;
            }
        }
        throw new AssertionError("no " + selector + (text == null ? "" : " '" + text + "'") + " reachable with Tab on " + page.url());
    }

    private void assertFocusIsVisible() {
        Object outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle");
        assertThat(outline).as("the focused element shows an outline").isNotEqualTo("none");
    }

    private Instant freeTimeInDays(int days) {
        scenario().openCalendar("therapist1", "UTC");
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).plus(13, ChronoUnit.HOURS);
    }
}
