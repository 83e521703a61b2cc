package org.teletherapy.web.authoring;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.teletherapy.web.StandInApi.Answer;
import org.teletherapy.web.notes.TherapistPageTest;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authoring templates: the library, the editor with questions of every type, the live preview (the client's own form
 * fragment), and the API's refusals beside the fields they name.
 */
class AuthoringPageTest extends TherapistPageTest {

    @BeforeEach
    void theLibrary() {
        API.answer("/api/v1/exercise-templates", Answer.json(library()));
    }

    @Test
    void theLibraryListsMyTemplatesAndTheBuiltInOnes() {
        Document page = page("/templates?created=" + MINE);

        assertThat(page.select("[role=status]").text()).isEqualTo("Your template is saved. You can now assign it to your clients.");
        assertThat(page.select("[aria-labelledby=mine-heading] li").text()).contains("Evening check-in", "2 questions");
        assertThat(page.select("[aria-labelledby=built-in-heading] li .title").eachText()).containsExactly(
                "Open and honest communication journal", "Consistency tracker: promises made and kept", "Apology and forgiveness letter",
                "Boundaries worksheet", "PHQ-9 — Patient Health Questionnaire", "GAD-7 — Generalized Anxiety Disorder scale");
        assertThat(page.select("[aria-labelledby=built-in-heading] li").get(4).text()).contains("Questionnaires", "10 questions");
        assertThat(page.select("a[href=/templates/new]").text()).isEqualTo("New template");
    }

    @Test
    void aNewTemplateStartsWithOneQuestionAndItsPreviewAsTheClientSeesIt() {
        Document page = page("/templates/new");

        Element form = page.selectFirst("form#template-form");
        assertThat(form.attr("hx-post")).isEqualTo("/templates/preview");
        assertThat(form.attr("hx-target")).isEqualTo("#preview");
        assertThat(form.select("fieldset.question-row")).hasSize(1);
        assertThat(form.select("#q-0-type option").eachAttr("value")).containsExactly("text", "scale", "single-choice", "yes-no");
        assertThat(page.select("#preview-heading").text()).isEqualTo("Preview: what your client sees");
        // The client's own markup: a written answer is a textarea named as the client's form names it.
        assertThat(page.select("#preview .answers .question.field textarea[name=a.q1]")).hasSize(1);
    }

    @Test
    void thePreviewIsTheClientsFormForEveryTypeOfQuestion() {
        Document preview = html(send("/templates/preview", everyType()).expectStatus().isOk());

        assertThat(preview.select("#preview .preview-title").text()).isEqualTo("Evening check-in");
        assertThat(preview.select("#preview .instructions").text()).isEqualTo("Take five minutes.");
        assertThat(preview.select("#preview label[for=q-q1]").text()).contains("1.", "What went well?", "(required)");
        assertThat(preview.select("#preview #q-q1").attr("maxlength")).isEqualTo("300");
        assertThat(preview.select("#preview fieldset#q-q2 .options.scale input[type=radio]").eachAttr("value"))
                .containsExactly("1", "2", "3", "4", "5");
        assertThat(preview.select("#preview #q-q2-hint").text()).isEqualTo("1 means “distant”, 5 means “very close”.");
        assertThat(preview.select("#preview fieldset#q-q3 label").eachText()).containsExactly("Me", "My partner", "Nobody");
        assertThat(preview.select("#preview fieldset#q-q4 label").eachText()).containsExactly("Yes", "No");
        assertThat(preview.select("#preview fieldset#q-q4 .required")).isEmpty();
        assertThat(preview.select("header, nav")).as("a fragment, not a page").isEmpty();
    }

    @Test
    void questionsAreAddedAndRemovedWithoutScriptKeepingWhatWasTyped() {
        Map<String, String> form = everyType();
        form.put("action", "add");
        form.put("newType", "scale");
        Document added = html(send("/templates", form).expectStatus().isOk());
        assertThat(added.select("fieldset.question-row")).hasSize(5);
        assertThat(added.select("#q-4-type option[selected]").val()).isEqualTo("scale");
        assertThat(added.select("#q-4-min").val()).isEqualTo("1");
        assertThat(added.select("#q-0-prompt").text()).isEqualTo("What went well?");

        form.put("action", "remove-0");
        Document removed = html(send("/templates", form).expectStatus().isOk());
        assertThat(removed.select("fieldset.question-row")).hasSize(3);
        assertThat(removed.select("#q-0-prompt").text()).isEqualTo("How close did you feel?");
        assertThat(API.bodySentTo("POST", "/api/v1/exercise-templates")).isNull();
    }

    @Test
    void savingSendsEachQuestionWithTheFieldsOfItsTypeAndOpensTheLibrary() {
        API.answer("POST /api/v1/exercise-templates", new Answer(201, "application/json",
                "{\"id\":\"" + MINE + "\",\"builtIn\":false,\"kind\":\"exercise\",\"title\":\"Evening check-in\",\"questions\":[]}"));
        Map<String, String> form = everyType();
        form.put("action", "save");

        send("/templates", form).expectStatus().is3xxRedirection().expectHeader().location("/templates?created=" + MINE);

        assertThat(API.bodySentTo("POST", "/api/v1/exercise-templates")).isEqualTo("""
                {"title":"Evening check-in","instructions":"Take five minutes.","questions":[\
                {"type":"text","prompt":"What went well?","required":true,"maxLength":300},\
                {"type":"scale","prompt":"How close did you feel?","required":true,"min":1,"max":5,"minLabel":"distant","maxLabel":"very close"},\
                {"type":"single-choice","prompt":"Who started?","required":true,"options":[{"value":1,"label":"Me"},{"value":2,"label":"My partner"},{"value":3,"label":"Nobody"}]},\
                {"type":"yes-no","prompt":"Did you keep your agreement?","required":false}]}""");
    }

    @Test
    void theApisRefusalsAreShownBesideTheFieldsTheyNameAndNothingTypedIsLost() {
        API.answer("POST /api/v1/exercise-templates", new Answer(422, "application/problem+json", """
                {"type":"urn:teletherapy:problem:invalid-template","title":"Invalid template","status":422,
                 "detail":"Some questions of the template are not usable as written.",
                 "errors":[{"field":"questions[1].max","code":"invalid-range","message":"max must be greater than min."},
                           {"field":"questions[2].options","code":"invalid-options","message":"A single choice needs 2 to 30 options."}]}"""));
        Map<String, String> form = everyType();
        form.put("q.1.max", "1");
        form.put("q.2.options", "Only one");
        form.put("action", "save");

        Document page = html(send("/templates", form).expectStatus().isEqualTo(422));

        assertThat(page.select("#q-1-range-error").text())
                .isEqualTo("The highest number must be greater than the lowest, with at most 101 points.");
        assertThat(page.select("#q-1-max").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#q-1-max").attr("aria-describedby")).isEqualTo("q-1-range-error");
        assertThat(page.select("#q-2-options-error").text()).isEqualTo("Write 2 to 30 options, one per line.");
        assertThat(page.select("#q-2-options").text()).isEqualTo("Only one");
        assertThat(page.select(".error-summary li")).hasSize(2);
        assertThat(page.select("#title").val()).isEqualTo("Evening check-in");
        assertThat(page.select("#q-0-error")).isEmpty();
    }

    @Test
    void aMissingTitleIsNamedBesideTheTitle() {
        API.answer("POST /api/v1/exercise-templates", new Answer(400, "application/problem+json", """
                {"type":"urn:teletherapy:problem:validation","title":"Bad Request","status":400,
                 "errors":[{"field":"title","message":"must not be blank"},{"field":"questions[0].prompt","message":"must not be blank"}]}"""));
        Map<String, String> form = everyType();
        form.put("title", "");
        form.put("q.0.prompt", "");
        form.put("action", "save");

        Document page = html(send("/templates", form).expectStatus().isBadRequest());

        assertThat(page.select("#title-error").text()).isEqualTo("Give the template a title (at most 200 characters).");
        assertThat(page.select("#q-0-prompt-error").text()).isEqualTo("Write the question (at most 1,000 characters).");
    }

    @Test
    void withTheHomeworkServiceDownTheTemplateStaysOnThePage() {
        API.answer("POST /api/v1/exercise-templates", Answer.problem(503, "unavailable"));
        Map<String, String> form = everyType();
        form.put("action", "save");

        Document page = html(send("/templates", form).expectStatus().isEqualTo(503));

        assertThat(page.select(".error-summary").text()).contains("the homework service cannot be reached");
        assertThat(page.select("#q-2-options").text()).isEqualTo("Me\nMy partner\n\nNobody");
    }

    @Test
    void theEditorIsInGerman() {
        Document page = page("/templates/new", "de");
        assertThat(page.select("h1").text()).isEqualTo("Neue Vorlage");
        assertThat(page.select("#q-0-type option").eachText())
                .containsExactly("Geschriebene Antwort", "Skala (Zahlen)", "Eine von mehreren Möglichkeiten", "Ja oder nein");
    }

    static Map<String, String> everyType() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", "Evening check-in");
        form.put("instructions", "Take five minutes.");
        form.put("rows", "4");
        form.put("q.0.type", "text");
        form.put("q.0.prompt", "What went well?");
        form.put("q.0.required", "true");
        form.put("q.0.maxLength", "300");
        form.put("q.1.type", "scale");
        form.put("q.1.prompt", "How close did you feel?");
        form.put("q.1.required", "true");
        form.put("q.1.min", "1");
        form.put("q.1.max", "5");
        form.put("q.1.minLabel", "distant");
        form.put("q.1.maxLabel", "very close");
        form.put("q.2.type", "single-choice");
        form.put("q.2.prompt", "Who started?");
        form.put("q.2.required", "true");
        form.put("q.2.options", "Me\r\nMy partner\r\n\r\nNobody");
        form.put("q.3.type", "yes-no");
        form.put("q.3.prompt", "Did you keep your agreement?");
        return form;
    }
}
