package org.teletherapy.system;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.teletherapy.testsupport.DemoUsers;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * client3's PHQ-9 answer to question 9 reaches every open page of their therapist (therapist2) without a reload (the event from
 * exercises-service, Kafka, the web app's stream), and an acknowledgement in one page clears the others.
 */
@Order(6)
class SafetyBannerBrowserTest extends BrowserTest {

    private static final UUID PHQ9 = UUID.fromString("7b1f0000-0000-4000-8000-000000000009");
    /** therapist2's client: therapist1's clients' scores are what other tests (DemoDataTest) count. */
    private static final String CLIENT3_NAME = "Camille Laurent";

    @Test
    void aNewAlertShowsOnEveryOpenPageOfTheTherapistAndItsAcknowledgementClearsThemAll() {
        openBrowser(1280, "en-GB");
        signIn("therapist2");
        page.navigate(gatewayUrl + "/settings");
        Page other = context.newPage();
        other.navigate(gatewayUrl + "/safety-alerts");
        for (Page open : List.of(page, other)) {
            open.locator("#safety-alerts[data-live-state=open]").waitFor(
                    new Locator.WaitForOptions().setState(WaitForSelectorState.ATTACHED));
        }

        DemoScenario scenario = scenario();
        UUID assignment = scenario.assign("therapist2", DemoUsers.CLIENT3, PHQ9);
        long handedIn = System.nanoTime();
        scenario.submitPhq9("client3", assignment, 2);
        String alert = (String) ((Map<?, ?>) scenario.openAlertsAbout("therapist2", DemoUsers.CLIENT3).get(0)).get("id");

        Locator banner = page.locator("#safety-alert-" + alert);
        banner.waitFor(new Locator.WaitForOptions().setTimeout(10_000));
        System.out.printf("Safety banner shown %d ms after the PHQ-9 was handed in%n",
                (System.nanoTime() - handedIn) / 1_000_000);
        other.locator("#safety-alert-" + alert).waitFor(new Locator.WaitForOptions().setTimeout(10_000));
        assertThat(page.locator("#safety-alerts [role=alert] h2")).containsText("needs your attention");
        assertThat(banner).containsText("PHQ-9 answer needs follow-up");
        // Their own client's name, and nothing of the answers.
        assertThat(banner).containsText(CLIENT3_NAME);
        assertThat(page.locator("#safety-alerts").innerText()).doesNotContain("item 9", "score");
        screenshots("safety-banner");
        assertThat(seriousViolations("safety banner")).isEmpty();

        // The focus stays where the therapist was: the banner is announced, never focused.
        assertThat(page.evaluate("document.activeElement.closest('#safety-alerts') === null")).isEqualTo(true);

        banner.locator("button:has-text('Acknowledge')").click();
        banner.waitFor(new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED).setTimeout(10_000));
        other.locator("#safety-alert-" + alert).waitFor(
                new Locator.WaitForOptions().setState(WaitForSelectorState.DETACHED).setTimeout(10_000));
        assertThat(scenario.openAlertsAbout("therapist2", DemoUsers.CLIENT3)).isEmpty();

        other.reload();
        assertThat(other.locator(".acknowledged-alerts tbody tr").first()).containsText("you");
        page = other;
        screenshots("safety-alerts");
        assertThat(seriousViolations("safety alerts")).isEmpty();
    }
}
