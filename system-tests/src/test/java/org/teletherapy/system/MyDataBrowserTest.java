package org.teletherapy.system;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.teletherapy.testsupport.DemoUsers;
import org.teletherapy.testsupport.fhir.FhirValidation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Download my data" in real Chromium: client1 signs in, opens My data, downloads the record and it is one valid FHIR
 * collection Bundle holding their sessions and scores; "Who saw my record" opens from there. Runs with the other
 * browser classes, before the system tests that stop parts of the platform.
 */
@Order(11)
class MyDataBrowserTest extends BrowserTest {

    @Test
    void aClientDownloadsTheirRecordAsOneValidFhirBundleAndSeesWhoAccessedIt() throws IOException {
        DemoScenario scenario = scenario();
        scenario.openCalendar("therapist1", "UTC");
        UUID session = scenario.bookSomewhereFree("client1", DemoUsers.THERAPIST1);
        UUID assignment = scenario.assignToClient1(DemoScenario.PHQ9);
        scenario.submitPhq9("client1", assignment, 0);
        openBrowser(390, "en-GB");
        signIn("client1");

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("My data").setExact(true)).click();
        assertThat(page.locator("h1")).hasText("My data");
        assertThat(page.locator(".answers-read").first()).containsText("Clara Meyer");
        assertThat(page.locator("table.sessions")).containsText("Theresa Lindqvist");
        assertThat(page.locator("table.scores")).containsText("PHQ-9 total score");
        // The record fits a phone's width: nothing to scroll sideways to.
        assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
        List<String> violations = new ArrayList<>(seriousViolations("my data"));
        screenshots("my-data");

        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Download my data (FHIR, JSON)")).click());
        assertThat(download.suggestedFilename()).startsWith("my-record-").endsWith(".json");
        String bundle = Files.readString(download.path());
        System.out.println("Downloaded record, validator: " + FhirValidation.assertValid(bundle));
        JsonNode parsed = JsonMapper.builder().build().readTree(bundle);
        assertThat(parsed.path("resourceType").asString()).isEqualTo("Bundle");
        assertThat(parsed.path("type").asString()).isEqualTo("collection");
        Set<String> resources = new HashSet<>();
        parsed.path("entry").forEach(entry -> resources.add(entry.path("resource").path("resourceType").asString()
                + "/" + entry.path("resource").path("id").asString()));
        assertThat(resources).contains("Patient/" + DemoUsers.CLIENT1, "Practitioner/" + DemoUsers.THERAPIST1,
                "Appointment/" + session);
        assertThat(resources).anyMatch(resource -> resource.startsWith("Observation/"))
                .anyMatch(resource -> resource.startsWith("QuestionnaireResponse/"));
        // Nobody else's record: no other demo client's id anywhere in the file.
        assertThat(bundle).doesNotContain(DemoUsers.CLIENT2.toString()).doesNotContain(DemoUsers.CLIENT3.toString());

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Who saw my record")).click();
        assertThat(page.locator("h1")).hasText("Who saw my record");
        assertThat(page.locator("main")).containsText("Exported your progress notes");
        assertThat(((Number) page.evaluate("document.documentElement.scrollWidth")).intValue()).isLessThanOrEqualTo(390);
        screenshots("who-saw-my-record");
        violations.addAll(seriousViolations("who saw my record"));
        assertThat(violations).isEmpty();
    }
}
