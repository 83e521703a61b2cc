package org.teletherapy.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Download;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator console in real Chromium through the real sign-in: the platform's state, a therapist's account, the
 * audit chain and its export; and not one person's id, name or e-mail address on any of its pages.
 */
@Order(7)
class OperatorConsoleBrowserTest extends BrowserTest {

    @Test
    void anOperatorSeesThePlatformCreatesATherapistAndChecksTheAuditTrailButNobodysData() throws Exception {
        List<String> personal = demoPeople();
        List<String> violations = new ArrayList<>();
        Map<String, String> leaks = new LinkedHashMap<>();

        openBrowser(390, "en-GB");
        signIn("operator1");
        assertThat(page).hasURL(gatewayUrl + "/console");
        assertThat(page.locator(".components li")).hasCount(6);
        assertThat(page.locator(".overall .state")).hasText("Up");
        assertThat(page.locator(".pipeline tbody tr")).hasCount(4);
        check("platform", personal, violations, leaks);

        page.navigate(gatewayUrl + "/console/accounts");
        String surname = "Konsole" + UUID.randomUUID().toString().substring(0, 6);
        page.locator("#firstName").fill("Ines");
        page.locator("#lastName").fill(surname);
        page.locator("#email").fill(surname.toLowerCase() + "@example.org");
        page.locator("button:has-text('Create account')").click();
        assertThat(page.locator("[role=status]")).containsText("The account is created.");
        assertThat(page.locator("main")).not().containsText(surname);
        check("accounts", personal, violations, leaks);

        // Checking the chain is itself audited: the export has at least that entry.
        page.navigate(gatewayUrl + "/console/audit");
        assertThat(page.locator(".overall")).containsText("Intact");
        check("audit", personal, violations, leaks);
        Download download = page.waitForDownload(() -> page.locator("a[download]").click());
        JsonNode bundle = new ObjectMapper().readTree(Files.readString(download.path()));
        assertThat(bundle.path("resourceType").asText()).isEqualTo("Bundle");
        assertThat(bundle.path("entry").size()).isPositive();
        assertThat(bundle.path("entry").get(0).path("resource").path("resourceType").asText()).isEqualTo("AuditEvent");

        assertThat(leaks).as("personal data on console pages").isEmpty();
        assertThat(violations).isEmpty();
    }

    /** Looks at the page (screenshots at both widths), scans it with axe-core, and searches its HTML for people. */
    private void check(String name, List<String> personal, List<String> violations, Map<String, String> leaks) {
        page.waitForLoadState();
        violations.addAll(seriousViolations(name));
        String html = page.content();
        personal.stream().filter(html::contains).forEach(found -> leaks.put(name + ": " + found, found));
        screenshots("console-" + name);
    }

    /** The ids, usernames, names and addresses of every demo client and therapist, from the demo realm. */
    private static List<String> demoPeople() throws Exception {
        JsonNode realm = new ObjectMapper().readTree(Files.readString(
                Path.of("..", "keycloak", "teletherapy-realm.json")));
        List<String> personal = new ArrayList<>();
        for (JsonNode user : realm.path("users")) {
            String username = user.path("username").asText();
            if (username.startsWith("operator") || username.startsWith("service-account-")) {
                continue;
            }
            for (String field : List.of("id", "username", "firstName", "lastName", "email")) {
                if (user.hasNonNull(field)) {
                    personal.add(user.path(field).asText());
                }
            }
        }
        assertThat(personal).as("the demo realm's people").hasSizeGreaterThan(10);
        return personal;
    }
}
