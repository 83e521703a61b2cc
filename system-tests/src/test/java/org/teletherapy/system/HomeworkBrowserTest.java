package org.teletherapy.system;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Homework in real Chromium through the gateway: a therapist assigns it through the API, client1 signs in on
 * Keycloak's page and answers it. A PHQ-9 handed in with an item missing says which; with item 9 above 0 the result
 * leads with where to get help and says the therapist has been notified. Runs after the client portal's browser test
 * and before the system tests that stop parts of the platform.
 */
@Order(2)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HomeworkBrowserTest extends BrowserTest {

    static final UUID PHQ9 = UUID.fromString("7b1f0000-0000-4000-8000-000000000009");
    static final UUID BOUNDARIES = UUID.fromString("7b1f0000-0000-4000-8000-000000000104");
    static WebTestClient gateway;

    @BeforeAll
    static void aClientForTheApi() {
        gateway = gateway();
    }

    @Test
    @Order(1)
    void aPhq9WithAnItemMissingSaysWhichAndItem9AboveZeroLeadsWithHelp() {
        UUID assignment = scenario().assignToClient1(PHQ9);
        signInAsClient1();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Homework").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("Homework");
        assertThat(page.locator("a[href='/homework/" + assignment + "']")).isVisible();
        screenshots("homework-list");

        page.locator("a[href='/homework/" + assignment + "']").click();
        assertThat(page.locator(".lead-in"))
                .hasText("Over the last 2 weeks, how often have you been bothered by any of the following problems?");
        screenshots("phq9-form");
        for (int item = 1; item <= 8; item++) {
            page.locator("#q-item" + item + "-0").check();
        }
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();

        assertThat(page.locator(".error-summary")).containsText(
                "Question 9, “Thoughts that you would be better off dead or of hurting yourself in some way”");
        assertThat(page.locator("#q-item9-error")).hasText("Please answer this question.");
        assertThat(page.locator("#q-item9-0")).hasAttribute("aria-invalid", "true");
        assertThat(page.locator("#q-item1-0")).isChecked();
        screenshots("phq9-missing");

        page.locator("#q-item9-1").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();

        assertThat(page.locator("h1 + .crisis[role=alert]")).isVisible();
        assertThat(page.locator(".crisis")).containsText("Your therapist has been notified and will follow up with you.");
        assertThat(page.locator(".crisis a[href='tel:988']")).hasText("Call 988");
        assertThat(page.locator(".result .score")).containsText("1 of 27");
        screenshots("phq9-crisis");
        // The therapist was told indeed: the hand-in raised a safety alert for them.
        List<?> alerts = gateway.get().uri("/api/v1/safety-alerts?status=open")
                .headers(h -> h.setBearerAuth(running.keycloak.accessToken("therapist1"))).exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        assertThat(alerts).anySatisfy(alert -> assertThat(((Map<?, ?>) alert).get("assignmentId"))
                .isEqualTo(assignment.toString()));
    }

    @Test
    @Order(2)
    void aWorksheetIsSavedAsADraftThenAnsweredAndHandedIn() {
        UUID assignment = scenario().assignToClient1(BOUNDARIES);
        signInAsClient1();
        page.navigate(gatewayUrl + "/homework/" + assignment);

        page.getByLabel("Privacy").check();
        page.getByLabel("Describe a situation in which this limit was unclear or crossed.")
                .fill("My partner reads my messages when I leave the room.");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save draft")).click();
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your draft is saved.");
        assertThat(page.locator(".meta .tag")).hasText("Started");
        screenshots("worksheet-draft");

        page.getByLabel("Write your boundary in one or two sentences", new Page.GetByLabelOptions().setExact(false))
                .fill("I will keep my phone locked and say so calmly.");
        page.locator("#q-confidence-7").check();
        page.locator("#q-talked-about-false").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Submit")).click();

        assertThat(page.getByRole(AriaRole.STATUS)).containsText("Your answers are handed in.");
        assertThat(page.locator(".meta .tag")).hasText("Handed in");
        assertThat(page.locator(".answers-read")).containsText("My partner reads my messages when I leave the room.");
        assertThat(page.locator(".answers-read")).containsText("7 (on a scale from 1 to 10)");
        assertThat(page.locator(".crisis")).hasCount(0);
        screenshots("worksheet-handed-in");
    }

    @Test
    @Order(3)
    void myScoresShowsTheChartAndTheSameFiguresInATable() {
        signInAsClient1();

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My scores")).click();
        assertThat(page.locator("h1")).hasText("My scores");
        // The PHQ-9 of the first test is there: chart and table.
        assertThat(page.locator("#phq-9-heading ~ .score-grid svg[role=img]")).isVisible();
        assertThat(page.locator("#phq-9-heading ~ .score-grid tbody tr").first()).containsText("of 27");
        screenshots("scores");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Homework").setExact(true)).click();
        assertThat(page.locator("[aria-labelledby=done-heading] li")).not().hasCount(0);
        screenshots("homework-list-handed-in");
    }

    /** client1 on a phone in Berlin with an English browser, signed in on Keycloak's page. */
    private void signInAsClient1() {
        openBrowser(390, "en-GB");
        signIn("client1");
    }
}
