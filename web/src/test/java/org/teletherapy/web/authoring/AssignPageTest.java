package org.teletherapy.web.authoring;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.teletherapy.web.StandInApi.Answer;
import org.teletherapy.web.notes.TherapistPageTest;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Assigning homework: the library by group, the client's sessions, dates in the therapist's zone, the API's refusals. */
class AssignPageTest extends TherapistPageTest {

    static final String PHQ9 = "7b1f0000-0000-4000-8000-000000000009";
    static final String ASSIGNED = "a5000000-0000-4000-8000-000000000001";

    @BeforeEach
    void theLibrary() {
        API.answer("/api/v1/exercise-templates", Answer.json(library()));
    }

    @Test
    void theFormOffersTheLibraryByGroupAndTheClientsOwnSessions() {
        Document page = page("/homework-assign?clientId=" + CLIENT1 + "&templateId=" + PHQ9);

        assertThat(page.select(".about .client").text()).isEqualTo("Clara Meyer");
        assertThat(page.select("nav a").eachAttr("href")).doesNotContain("/book", "/homework", "/scores");
        assertThat(page.select(".library h3").eachText()).containsExactly("Trust exercises", "Questionnaires", "My templates");
        assertThat(page.select(".library label").eachText()).anySatisfy(label -> assertThat(label).startsWith("Boundaries worksheet"));
        assertThat(page.select(".library label").eachText()).anySatisfy(label -> assertThat(label).startsWith("GAD-7"));
        assertThat(page.select(".library input[checked]").val()).isEqualTo(PHQ9);
        // client1's sessions only, the cancelled one left out.
        assertThat(page.select("#sessionId option").eachAttr("value")).containsExactly("", SESSION1);
        assertThat(page.select("#sessionId option").get(1).text()).isEqualTo("Tuesday, March 10, 2026, 10:00 AM");
        assertThat(page.select("#due-hint").text()).isEqualTo("Date and time in your time zone (Europe/Berlin).");
        assertThat(page.select("#dueTime").val()).isEqualTo("18:00");
        assertThat(page.select("#repeat-once").hasAttr("checked")).isTrue();
    }

    @Test
    void theDueTimeIsTheTherapistsWallClockAcrossTheChangeToSummerTime() {
        API.answer("POST /api/v1/assignments", new Answer(201, "application/json", "{\"id\":\"" + ASSIGNED + "\"}"));

        send("/homework-assign?clientId=" + CLIENT1, Map.of("templateId", PHQ9, "instructions", "Before our session",
                "dueDate", "2026-03-29", "dueTime", "18:00", "repeat", "weekly", "until", "2026-04-30", "sessionId", SESSION1))
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/homework-assign?clientId=" + CLIENT1 + "&assigned=" + ASSIGNED);

        // 29 March 2026 is the day Berlin changes to summer time: 18:00 there is 16:00 UTC.
        assertThat(API.bodySentTo("POST", "/api/v1/assignments")).contains("\"clientId\":\"" + CLIENT1 + "\"",
                "\"templateId\":\"" + PHQ9 + "\"", "\"instructions\":\"Before our session\"", "\"dueAt\":\"2026-03-29T16:00:00Z\"",
                "\"frequency\":\"weekly\"", "\"until\":\"2026-04-30T21:59:00Z\"", "\"timeZone\":\"Europe/Berlin\"",
                "\"sessionId\":\"" + SESSION1 + "\"");
    }

    @Test
    void afterAssigningThePageSaysSoAndLeadsToTheReview() {
        Document page = page("/homework-assign?clientId=" + CLIENT1 + "&assigned=" + ASSIGNED);
        assertThat(page.select(".notice.success[role=status]").text()).contains("The homework is assigned.");
        assertThat(page.select(".notice a").attr("href")).isEqualTo("/homework-review/" + ASSIGNED);
    }

    @Test
    void theApisRefusalsAreShownBesideTheirFields() {
        API.answer("POST /api/v1/assignments", new Answer(422, "application/problem+json", """
                {"type":"urn:teletherapy:problem:due-date-in-past","title":"Due date in the past","status":422,
                 "detail":"The due date must be in the future.","errors":[{"field":"dueAt","code":"in-past","message":"Must be in the future."}]}"""));
        Map<String, String> form = new LinkedHashMap<>(Map.of("templateId", PHQ9, "dueDate", "2020-01-01", "dueTime", "18:00"));

        Document page = html(send("/homework-assign?clientId=" + CLIENT1, form).expectStatus().isEqualTo(422));

        assertThat(page.select("#due-error").text()).isEqualTo("The due date has passed: choose a date in the future.");
        assertThat(page.select("#dueDate").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#dueDate").val()).isEqualTo("2020-01-01");
        assertThat(page.select(".library input[checked]").val()).isEqualTo(PHQ9);

        API.answer("POST /api/v1/assignments", new Answer(422, "application/problem+json", """
                {"type":"urn:teletherapy:problem:session-not-held","title":"Session will not take place","status":422,
                 "detail":"The session was cancelled.","errors":[{"field":"sessionId","code":"not-held","message":"Cancelled, moved or missed."}]}"""));
        form.put("dueDate", "2026-04-01");
        form.put("sessionId", SESSION1);
        Document session = html(send("/homework-assign?clientId=" + CLIENT1, form).expectStatus().isEqualTo(422));
        assertThat(session.select("#session-error").text()).isEqualTo("That session was cancelled, moved or missed: choose another, or none.");
        assertThat(session.select("#sessionId option[selected]").val()).isEqualTo(SESSION1);

        API.answer("POST /api/v1/assignments", new Answer(422, "application/problem+json", """
                {"type":"urn:teletherapy:problem:invalid-recurrence","title":"Invalid recurrence","status":422,
                 "detail":"The recurrence ends before the first instance is due.",
                 "errors":[{"field":"recurrence.until","code":"before-first-due","message":"The recurrence ends before the first instance is due."}]}"""));
        form.put("repeat", "daily");
        form.put("until", "2026-03-01");
        Document recurrence = html(send("/homework-assign?clientId=" + CLIENT1, form).expectStatus().isEqualTo(422));
        assertThat(recurrence.select("#until-error").text()).isEqualTo("The repetition must end after the first due date.");
        assertThat(recurrence.select("#repeat-daily").hasAttr("checked")).isTrue();
    }

    @Test
    void nothingChosenIsSaidBeforeAnythingIsSent() {
        Document page = html(send("/homework-assign?clientId=" + CLIENT1, Map.of("dueDate", "not a date"))
                .expectStatus().isEqualTo(422));

        assertThat(page.select("#template-error").text()).isEqualTo("Choose what to assign.");
        assertThat(page.select("#due-error").text()).isEqualTo("Enter a date (and a time).");
        assertThat(API.bodySentTo("POST", "/api/v1/assignments")).isNull();
    }

    @Test
    void aClientNotOnTheCaseloadIsNotFound() {
        getAs(therapist(), "/homework-assign?clientId=5f1c0000-0000-4000-8000-000000000099").expectStatus().isNotFound();
    }

    @Test
    void withTheHomeworkServiceDownTheChoicesStay() {
        API.answer("POST /api/v1/assignments", Answer.never());

        Document page = html(send("/homework-assign?clientId=" + CLIENT1, Map.of("templateId", PHQ9,
                "instructions", "Keep me", "dueDate", "2026-04-01", "dueTime", "18:00")).expectStatus().isEqualTo(503));

        assertThat(page.select(".error-summary").text()).contains("the homework service cannot be reached");
        assertThat(page.select("#instructions").text()).isEqualTo("Keep me");
    }
}
