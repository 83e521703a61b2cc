package org.teletherapy.system;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.testsupport.DemoUsers;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The therapist workspace in real Chromium through Keycloak's sign-in page: therapist1 sets their availability (a
 * refused value is said next to its field, a saved one changes the preview), sees a session client1 booked in their
 * week, invites a new client and removes them again, and opens client1's page. Every page is scanned with axe-core
 * and kept as screenshots at 390 and 1280 px. therapist1's availability is put back afterwards and the session
 * booked here cancelled, so the system tests after this one find the platform as they expect it.
 */
@Order(4)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TherapistWorkspaceBrowserTest extends BrowserTest {

    static final ZoneId BERLIN_ZONE = ZoneId.of(BERLIN);
    static final Set<String> MORNING = Set.of("9:00 AM", "10:00 AM", "11:00 AM");

    static WebTestClient gateway;
    static String availabilityBefore;
    static UUID booked;
    final List<String> violations = new ArrayList<>();

    @BeforeAll
    static void rememberTherapist1sAvailability() {
        gateway = gateway();
        var answer = gateway.get().uri("/api/v1/availability").headers(h -> h.setBearerAuth(token("therapist1")))
                .exchange().expectBody(String.class).returnResult();
        availabilityBefore = answer.getStatus().is2xxSuccessful() ? answer.getResponseBody() : null;
    }

    @AfterAll
    static void putBackWhatThisTestChanged() {
        if (booked != null) {
            gateway.post().uri("/api/v1/sessions/{id}/cancel", booked).headers(h -> h.setBearerAuth(token("therapist1")))
                    .bodyValue(Map.of("reason", "therapist-unavailable")).exchange();
        }
        if (availabilityBefore != null) {
            gateway.put().uri("/api/v1/availability").headers(h -> h.setBearerAuth(token("therapist1")))
                    .header("Content-Type", "application/json").bodyValue(availabilityBefore).exchange()
                    .expectStatus().isOk();
        }
    }

    @Test
    @Order(1)
    void aRefusedValueIsSaidNextToItsFieldAndASavedWeekChangesThePreview() {
        signInAsTherapist1(1280);
        assertThat(page).hasURL(gatewayUrl + "/week");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Availability").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Availability");
        String before = page.locator(".preview-count").textContent();

        page.getByLabel("Session length (minutes)").fill("5");
        save();
        assertThat(page.locator("#sessionMinutes-error")).containsText("15");
        assertThat(page.locator("#sessionMinutes")).hasValue("5");
        assertThat(page.locator("#sessionMinutes")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator(".error-summary a[href='#sessionMinutes']")).isVisible();
        violations.addAll(seriousViolations("availability refused"));
        screenshots("therapist-availability-refused");

        page.getByLabel("Time zone").fill(BERLIN);
        page.getByLabel("Session length (minutes)").fill("50");
        page.getByLabel("Break between sessions (minutes)").fill("10");
        for (Locator field : page.locator("input[type=time], input[type=date]").all()) {
            field.fill("");
        }
        for (String day : List.of("monday", "tuesday", "wednesday", "thursday", "friday")) {
            page.locator("#w-" + day + "-0-start").fill("09:00");
            page.locator("#w-" + day + "-0-end").fill("12:00");
        }
        save();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Saved.");
        assertThat(page.locator("#w-friday-0-end")).hasValue("12:00");
        assertThat(page.locator("#w-saturday-0-start")).hasValue("");
        assertThat(page.locator(".preview-count")).not().hasText(before);
        List<String> times = page.locator(".preview .time-chips li").allTextContents();
        assertThat(times).isNotEmpty().allSatisfy(time -> assertThat(MORNING).contains(time));
        violations.addAll(seriousViolations("availability saved"));
        screenshots("therapist-availability-saved");
        assertThat(violations).isEmpty();
    }

    @Test
    @Order(2)
    void aSessionClient1BookedIsInTheWeekAsAGridOnADesktopAndAsADayListOnAPhone() {
        Instant start = firstFreeTime();
        booked = book(start);
        signInAsTherapist1(1280);
        page.navigate(gatewayUrl + "/week?week=" + start.atZone(BERLIN_ZONE).toLocalDate());

        Locator inGrid = page.locator(".week-grid a.entry-booked", new Page.LocatorOptions().setHasText("Clara Meyer"));
        assertThat(inGrid.first()).isVisible();
        assertThat(inGrid.first()).containsText(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT)
                .withLocale(Locale.ENGLISH).format(start.atZone(BERLIN_ZONE)));
        assertThat(page.locator("#today-heading")).hasText("Today");
        assertThat(page.locator("#due-heading")).hasText("Notes still due");
        assertThat(page.locator("#safety-alerts")).hasCount(1);
        violations.addAll(seriousViolations("week"));
        Browsers.screenshot(page, "therapist-week-1280");

        page.setViewportSize(390, 900);
        assertThat(page.locator(".week-grid")).isHidden();
        assertThat(page.locator(".week-list a.entry-booked", new Page.LocatorOptions().setHasText("Clara Meyer")).first())
                .isVisible();
        violations.addAll(seriousViolations("week on a phone"));
        Browsers.screenshot(page, "therapist-week-390");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Next week")).click();
        assertThat(page.locator(".week-label")).containsText("Week");
        assertThat(page.locator(".week-nav + .hint a")).hasText("Back to this week");
        assertThat(violations).isEmpty();
    }

    @Test
    @Order(3)
    void aNewClientIsInvitedAppearsOnTheListAndIsRemovedAfterTheConfirmation() {
        String last = "Brandt-" + UUID.randomUUID().toString().substring(0, 6);
        signInAsTherapist1(390);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Clients").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("My clients");
        assertDemoClientsListed();
        violations.addAll(seriousViolations("caseload"));
        screenshots("therapist-caseload");

        page.getByLabel("First name").fill("Ilse");
        page.getByLabel("Last name").fill(last);
        page.getByLabel("E-mail address").fill("ilse." + last.toLowerCase() + "@example.org");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Send the invitation")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).hasText("Ilse " + last + " is invited and on your list.");
        Locator card = page.locator(".client-card", new Page.LocatorOptions().setHasText("Ilse " + last));
        assertThat(card).isVisible();
        assertThat(card).containsText("none booked");
        screenshots("therapist-caseload-invited");

        card.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Remove Ilse " + last + "…")).click();
        assertThat(page.locator("h1")).hasText("Remove Ilse " + last + " from your clients?");
        assertThat(page.locator("main")).containsText("All their future sessions with you will be cancelled");
        violations.addAll(seriousViolations("remove a client"));
        screenshots("therapist-caseload-remove");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Remove and cancel their sessions")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("The client was removed");
        assertThat(page.locator(".client-card", new Page.LocatorOptions().setHasText("Ilse " + last))).hasCount(0);
        assertDemoClientsListed();
        assertThat(violations).isEmpty();
    }

    @Test
    @Order(4)
    void client1sPageHasTheirSessionsHomeworkScoresAndTheWayToWriteANote() {
        signInAsTherapist1(1280);
        page.navigate(gatewayUrl + "/clients");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Clara Meyer").setExact(true)).click();

        assertThat(page).hasURL(gatewayUrl + "/clients/" + DemoUsers.CLIENT1);
        assertThat(page.locator("h1")).hasText("Clara Meyer");
        // The live safety banner is the layout's, on every therapist page (SafetyBannerBrowserTest).
        assertThat(page.locator("#safety-alerts")).hasCount(1);
        assertThat(page.locator("#sessions-heading")).isVisible();
        assertThat(page.locator("#homework-heading")).isVisible();
        assertThat(page.locator("#phq-9-heading")).hasText("PHQ-9");
        assertThat(page.locator("#gad-7-heading")).hasText("GAD-7");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Write a note")))
                .hasAttribute("href", "/notes/new?clientId=" + DemoUsers.CLIENT1);
        violations.addAll(seriousViolations("client page"));
        screenshots("therapist-client");
        assertThat(violations).isEmpty();
    }

    private void signInAsTherapist1(int width) {
        openBrowser(width, "en-GB");
        signIn("therapist1");
    }

    /** client1 and client2, in whichever order their safety alerts put them. */
    private void assertDemoClientsListed() {
        for (String name : List.of("Clara Meyer", "Chidi Nwosu")) {
            assertThat(page.locator(".client-name", new Page.LocatorOptions().setHasText(name))).isVisible();
        }
    }

    private void save() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save availability")).click();
        page.waitForLoadState();
    }

    /** The first time client1 can book with therapist1 in the next two weeks. */
    private static Instant firstFreeTime() {
        Instant now = Instant.now();
        List<?> slots = gateway.get().uri(b -> b.path("/api/v1/therapists/{id}/slots").queryParam("from", now)
                        .queryParam("to", now.plus(14, ChronoUnit.DAYS)).build(DemoUsers.THERAPIST1))
                .headers(h -> h.setBearerAuth(token("client1"))).exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        assertThat(slots).as("therapist1 offers times after the availability test").isNotEmpty();
        return Instant.parse((String) ((Map<?, ?>) slots.get(0)).get("start"));
    }

    private static UUID book(Instant start) {
        Map<?, ?> session = gateway.post().uri("/api/v1/sessions").headers(h -> h.setBearerAuth(token("client1")))
                .bodyValue(Map.of("therapistId", DemoUsers.THERAPIST1, "start", start.toString())).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString((String) session.get("id"));
    }

    private static String token(String user) {
        return running.keycloak.accessToken(user);
    }
}
