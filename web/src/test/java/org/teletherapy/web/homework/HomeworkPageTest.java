package org.teletherapy.web.homework;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.web.SignedInPageTest;
import org.teletherapy.web.StandInApi.Answer;

import java.io.IOException;
import java.time.Duration;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

/**
 * The homework pages, rendered from what exercises-service answers: its built-in templates as they ship (read from
 * exercises-service's own files), its assignment views, problems and hand-in results in their real shapes.
 */
class HomeworkPageTest extends SignedInPageTest {

    static final String PHQ9_ASSIGNMENT = "5b0c0000-0000-4000-8000-000000000009";
    static final String WORKSHEET = "5b0c0000-0000-4000-8000-000000000104";
    static final String JOURNAL = "5b0c0000-0000-4000-8000-000000000101";
    static final String PHQ9_TEMPLATE = template("phq-9");
    static final String WORKSHEET_TEMPLATE = template("boundaries-worksheet");

    @BeforeEach
    void aPhq9AndAWorksheetToDo() {
        API.answer("/api/v1/assignments/" + PHQ9_ASSIGNMENT, Answer.json(assignment(PHQ9_ASSIGNMENT,
                "PHQ-9 — Patient Health Questionnaire", "questionnaire", "\"PHQ-9\"", "assigned", PHQ9_TEMPLATE, null, null)));
        API.answer("/api/v1/assignments/" + WORKSHEET, Answer.json(assignment(WORKSHEET, "Boundaries worksheet",
                "exercise", "null", "in-progress", WORKSHEET_TEMPLATE, "{\"situation\":\"At dinner on Sunday\",\"confidence\":6}",
                null)));
    }

    /** The first page of a fresh context renders slowly on a busy machine; WebTestClient would give up after 5 s. */
    @BeforeEach
    void patientOnABusyMachine() {
        web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void theListShowsWhatIsToDoSoonestFirstWithItsDueDateAndOverdueInWords() {
        API.answer("/api/v1/assignments", Answer.json("""
                [{"id":"%s","templateTitle":"Boundaries worksheet","kind":"exercise","status":"in-progress",
                  "dueAt":"2026-03-20T18:00:00Z","availableFrom":"2026-03-01T10:00:00Z","fromLastSession":true},
                 {"id":"%s","templateTitle":"PHQ-9 — Patient Health Questionnaire","kind":"questionnaire",
                  "instrument":"PHQ-9","status":"overdue","dueAt":"2026-03-10T18:00:00Z",
                  "availableFrom":"2026-03-01T10:00:00Z","fromLastSession":false,"overdueAt":"2026-03-10T18:01:00Z"},
                 {"id":"%s","templateTitle":"Open and honest communication journal","kind":"exercise","status":"reviewed",
                  "dueAt":"2026-03-05T18:00:00Z","availableFrom":"2026-03-01T10:00:00Z","fromLastSession":false,
                  "submittedAt":"2026-03-04T19:30:00Z","reviewedAt":"2026-03-06T09:00:00Z",
                  "reviewComment":"Thank you for writing this down."}]
                """.formatted(WORKSHEET, PHQ9_ASSIGNMENT, JOURNAL)));

        Document page = get("/homework", "en");

        assertThat(page.select("[aria-labelledby=todo-heading] li a.title").eachText())
                .containsExactly("PHQ-9 — Patient Health Questionnaire", "Boundaries worksheet");
        assertThat(page.select("[aria-labelledby=todo-heading] li a.title").eachAttr("href"))
                .containsExactly("/homework/" + PHQ9_ASSIGNMENT, "/homework/" + WORKSHEET);
        assertThat(page.select(".tag.warning").text()).isEqualTo("Overdue");
        // 18:00 UTC is 19:00 in Berlin in March.
        assertThat(page.select("[aria-labelledby=todo-heading] li").first().select(".due").text())
                .isEqualTo("due Tuesday, March 10, 2026, 7:00 PM");
        assertThat(page.select("[aria-labelledby=todo-heading] li").get(1).text()).contains("From your last session");
        assertThat(page.select("[aria-labelledby=done-heading] li .tag").text()).isEqualTo("Reviewed");
        assertThat(page.select("[aria-labelledby=done-heading] blockquote").text()).isEqualTo("Thank you for writing this down.");
        assertThat(page.select("nav a").eachAttr("href")).contains("/homework", "/scores");
    }

    @Test
    void theHomePagesHomeworkLeadsToEachAssignment() {
        API.answer("/api/v1/sessions", Answer.json("[]"));
        API.answer("/api/v1/assignments", Answer.json("""
                [{"id":"%s","templateTitle":"Boundaries worksheet","kind":"exercise","status":"assigned",
                  "dueAt":"2026-03-20T18:00:00Z","availableFrom":"2026-03-01T10:00:00Z","fromLastSession":false}]
                """.formatted(WORKSHEET)));

        Document home = get("/", "en");

        assertThat(home.select("[aria-labelledby=homework-heading] a.title").attr("href")).isEqualTo("/homework/" + WORKSHEET);
    }

    @Test
    void aWorksheetAsksEachQuestionTheWayItsTemplateSaysWithEveryInputLabelled() {
        Document page = get("/homework/" + WORKSHEET, "en");

        assertThat(page.select("h1").text()).isEqualTo("Boundaries worksheet");
        assertThat(page.select(".instructions").text()).startsWith("Boundaries tell the people close to us");
        Element area = page.selectFirst("fieldset#q-area");
        assertThat(area.selectFirst("legend").text()).isEqualTo("1. Which area is this about? (required)");
        assertThat(area.select("input[type=radio][name=a.area]").eachAttr("value"))
                .containsExactly("time", "privacy", "communication", "money", "family-and-friends", "physical", "digital");
        assertThat(page.select("textarea#q-situation").attr("name")).isEqualTo("a.situation");
        assertThat(page.select("textarea#q-situation").text()).isEqualTo("At dinner on Sunday");
        assertThat(page.select("label[for=q-situation]").text()).endsWith("(required)");
        assertThat(page.select("label[for=q-feeling]").text()).doesNotContain("required");
        Element confidence = page.selectFirst("fieldset#q-confidence");
        assertThat(confidence.select("input[type=radio]").eachAttr("value"))
                .containsExactly("1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        assertThat(confidence.select("input[checked]").attr("value")).isEqualTo("6");
        assertThat(confidence.select("#q-confidence-hint").text()).isEqualTo("1 means “Not at all”, 10 means “Fully”.");
        assertThat(confidence.select("input").first().attr("aria-describedby")).isEqualTo("q-confidence-hint");
        Element talked = page.selectFirst("fieldset#q-talked-about");
        assertThat(talked.select("label").eachText()).containsExactly("Yes", "No");
        assertThat(talked.select("input").eachAttr("value")).containsExactly("true", "false");
        // Every input has a label of its own.
        for (Element input : page.select("form.answers input:not([type=hidden]), form.answers textarea")) {
            assertThat(page.select("label[for=" + input.id() + "]")).as(input.id()).hasSize(1);
        }
        assertThat(page.select("form.answers input[name=_csrf]").attr("value")).isNotBlank();
        assertThat(page.select("form.answers input[name=idempotencyKey]").attr("value")).hasSize(36);
        assertThat(page.select("form.answers button").eachAttr("value")).containsExactly("draft", "submit");
    }

    @Test
    void aPhq9CarriesItsLeadInAndEachItemWithTheFourAnswersScoredZeroToThree() {
        Document page = get("/homework/" + PHQ9_ASSIGNMENT, "en");

        assertThat(page.select(".lead-in").text())
                .isEqualTo("Over the last 2 weeks, how often have you been bothered by any of the following problems?");
        assertThat(page.select("fieldset.question")).hasSize(10);
        Element item9 = page.selectFirst("fieldset#q-item9");
        assertThat(item9.selectFirst("legend").text())
                .isEqualTo("9. Thoughts that you would be better off dead or of hurting yourself in some way (required)");
        assertThat(item9.select("label").eachText())
                .containsExactly("Not at all", "Several days", "More than half the days", "Nearly every day");
        assertThat(item9.select("input").eachAttr("value")).containsExactly("0", "1", "2", "3");
        assertThat(page.selectFirst("fieldset#q-difficulty legend").text()).doesNotContain("required");
        assertThat(page.select(".attribution").text()).contains("Spitzer");
    }

    @Test
    void aGermanPageSaysThePhq9IsItsValidatedEnglishVersionAndMarksItsWordingAsEnglish() {
        Document german = get("/homework/" + PHQ9_ASSIGNMENT, "de");

        assertThat(german.select(".answers .notice").text()).contains("validierten englischen Fassung");
        Element item9 = german.selectFirst("fieldset#q-item9");
        assertThat(item9.select(".prompt").attr("lang")).isEqualTo("en");
        assertThat(item9.select("label span").eachAttr("lang")).containsOnly("en").hasSize(4);
        assertThat(item9.select(".required").attr("lang")).isEmpty();
        assertThat(german.select(".lead-in").attr("lang")).isEqualTo("en");

        Document english = get("/homework/" + PHQ9_ASSIGNMENT, "en");
        assertThat(english.select(".answers .notice")).isEmpty();
    }

    @Test
    void handingInSendsEachAnswerAsItsQuestionTypesItWithTheFormsIdempotencyKey() {
        API.answer("POST /api/v1/assignments/" + WORKSHEET + "/submissions", new Answer(201, "application/json", """
                {"id":"8c0d0000-0000-4000-8000-000000000001","assignmentId":"%s","submittedAt":"2026-03-12T19:00:00Z"}
                """.formatted(WORKSHEET)));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("idempotencyKey", "5d9f6a8e-1111-4000-8000-00000000abcd");
        form.put("a.area", "privacy");
        form.put("a.situation", "He read my messages.\r\nTwice.");
        form.put("a.boundary", "I will keep my phone locked.");
        form.put("a.confidence", "7");
        form.put("a.talked-about", "false");
        form.put("a.feeling", "");
        form.put("action", "submit");

        Document page = post("/homework/" + WORKSHEET, form);

        assertThat(API.bodySentTo("POST", "/api/v1/assignments/" + WORKSHEET + "/submissions")).isEqualTo(
                "{\"answers\":{\"area\":\"privacy\",\"situation\":\"He read my messages.\\nTwice.\","
                        + "\"boundary\":\"I will keep my phone locked.\",\"confidence\":7,\"talked-about\":false}}");
        assertThat(API.idempotencyKeySentTo("POST", "/api/v1/assignments/" + WORKSHEET + "/submissions"))
                .isEqualTo("5d9f6a8e-1111-4000-8000-00000000abcd");
        assertThat(page.select("[role=status]").text()).isEqualTo("Thank you. Your answers are handed in.");
        assertThat(page.select(".meta .tag").text()).isEqualTo("Handed in");
        assertThat(page.select(".answers-read dd").get(1).wholeText()).isEqualTo("He read my messages.\nTwice.");
        assertThat(page.select(".answers-read dd").eachText()).startsWith("Privacy", "He read my messages. Twice.",
                "Not answered", "I will keep my phone locked.", "Not answered", "7 (on a scale from 1 to 10)", "No");
        assertThat(page.select(".result")).isEmpty();
        assertThat(page.select(".crisis")).isEmpty();
    }

    @Test
    void missingItemsAreNamedNextToTheirQuestionAndInASummaryAtTheTop() {
        // What exercises-service answers for a PHQ-9 without items 3 and 9 (AnswerCheck, InvalidAnswersException).
        API.answer("POST /api/v1/assignments/" + PHQ9_ASSIGNMENT + "/submissions", new Answer(422, "application/problem+json", """
                {"type":"urn:teletherapy:problem:incomplete-questionnaire","title":"Questionnaire incomplete","status":422,
                 "detail":"Every item of the questionnaire needs an answer before it can be scored. Nothing was saved.",
                 "instance":"/api/v1/assignments/%s/submissions",
                 "errors":[{"field":"answers.item3","code":"required","message":"An answer is required."},
                           {"field":"answers.item9","code":"required","message":"An answer is required."}]}
                """.formatted(PHQ9_ASSIGNMENT)));
        Map<String, String> form = phq9Answers(0);
        form.remove("a.item3");
        form.remove("a.item9");
        form.put("idempotencyKey", "first-rendering");

        Document page = post("/homework/" + PHQ9_ASSIGNMENT, form);

        Element summary = page.selectFirst(".error-summary");
        assertThat(summary.attr("role")).isEqualTo("alert");
        assertThat(summary.text()).contains("Nothing was handed in yet.");
        assertThat(summary.select("li a").eachText()).containsExactly(
                "Question 3, “Trouble falling or staying asleep, or sleeping too much”",
                "Question 9, “Thoughts that you would be better off dead or of hurting yourself in some way”");
        assertThat(summary.select("li a").eachAttr("href")).containsExactly("#q-item3-0", "#q-item9-0");
        assertThat(page.select("#q-item3-0")).hasSize(1);
        Element item3 = page.selectFirst("fieldset#q-item3");
        assertThat(item3.select(".field-error[role=alert]").text()).isEqualTo("Please answer this question.");
        assertThat(item3.select("input").eachAttr("aria-invalid")).containsOnly("true");
        assertThat(item3.select("input").eachAttr("aria-describedby")).containsOnly("q-item3-error");
        assertThat(page.select("#q-item3-error").text()).isEqualTo("Please answer this question.");
        assertThat(page.select("fieldset#q-item2 input[aria-invalid]")).isEmpty();
        // What was answered is still answered; the next try is a new request.
        assertThat(page.select("fieldset#q-item2 input[checked]").attr("value")).isEqualTo("0");
        assertThat(page.select("input[name=idempotencyKey]").attr("value")).isNotEqualTo("first-rendering").isNotBlank();
    }

    @Test
    void handingInWithoutItsCsrfTokenIsRefusedAndNothingIsSent() {
        web.mutateWith(client()).post().uri("/homework/" + PHQ9_ASSIGNMENT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .bodyValue(encode(phq9Answers(0))).exchange()
                .expectStatus().isForbidden();
        assertThat(API.bodySentTo("POST", "/api/v1/assignments/" + PHQ9_ASSIGNMENT + "/submissions")).isNull();
    }

    @Test
    void aPhq9HandedInShowsTheScoreTheMaximumAndTheBandTheApiGave() {
        API.answer("POST /api/v1/assignments/" + PHQ9_ASSIGNMENT + "/submissions", new Answer(201, "application/json", """
                {"id":"8c0d0000-0000-4000-8000-000000000002","assignmentId":"%s","submittedAt":"2026-03-12T19:00:00Z",
                 "instrument":"PHQ-9","score":11,"maxScore":27,"severity":"moderate"}
                """.formatted(PHQ9_ASSIGNMENT)));

        Document page = post("/homework/" + PHQ9_ASSIGNMENT, phq9Answers(0));

        assertThat(page.select(".result h2").text()).isEqualTo("Your PHQ-9 result");
        assertThat(page.select(".result .score").text()).isEqualTo("11 of 27 moderate");
        assertThat(page.select(".crisis")).isEmpty();
        assertThat(page.text()).doesNotContain("Call 988");
    }

    @Test
    void whenTheApiAsksForFollowUpHelpComesFirstAndSaysTheTherapistWasNotified() {
        API.answer("POST /api/v1/assignments/" + PHQ9_ASSIGNMENT + "/submissions", new Answer(201, "application/json", """
                {"id":"8c0d0000-0000-4000-8000-000000000003","assignmentId":"%s","submittedAt":"2026-03-12T19:00:00Z",
                 "instrument":"PHQ-9","score":4,"maxScore":27,"severity":"minimal",
                 "followUp":{"therapistNotified":true,"message":"Thank you for answering honestly. Your therapist has been told and will follow up with you. If you are thinking about harming yourself or feel unsafe right now, please call your local emergency number or a crisis line straight away."}}
                """.formatted(PHQ9_ASSIGNMENT)));
        Map<String, String> form = phq9Answers(0);
        form.put("a.item9", "1");

        Document page = post("/homework/" + PHQ9_ASSIGNMENT, form);

        assertThat(API.bodySentTo("POST", "/api/v1/assignments/" + PHQ9_ASSIGNMENT + "/submissions")).contains("\"item9\":1");
        Element crisis = page.selectFirst("h1").nextElementSibling();
        assertThat(crisis.hasClass("crisis")).isTrue();
        assertThat(crisis.attr("role")).isEqualTo("alert");
        assertThat(crisis.select("h2").text()).isEqualTo("Help is available right now");
        assertThat(crisis.text()).contains("Your therapist has been notified and will follow up with you.");
        assertThat(crisis.select(".crisis-name").eachText()).containsExactly("Your local emergency number",
                "988 Suicide & Crisis Lifeline (US)", "Emotional support helpline (EU)");
        assertThat(crisis.select("a.crisis-call").eachAttr("href")).containsExactly("tel:988", "tel:116123");
        assertThat(crisis.select("a.crisis-call").eachText()).containsExactly("Call 988", "Call 116 123");
        assertThat(page.select(".result .score").text()).isEqualTo("4 of 27 minimal");
    }

    @Test
    void aHandedInPhq9WithFollowUpShowsHelpInGermanWhenReadLater() {
        API.answer("/api/v1/assignments/" + PHQ9_ASSIGNMENT, Answer.json(assignment(PHQ9_ASSIGNMENT,
                "PHQ-9 — Patient Health Questionnaire", "questionnaire", "\"PHQ-9\"", "submitted", PHQ9_TEMPLATE, null,
                "\"submittedAt\":\"2026-03-12T19:00:00Z\",")));
        API.answer("/api/v1/assignments/" + PHQ9_ASSIGNMENT + "/submissions", Answer.json("""
                [{"id":"8c0d0000-0000-4000-8000-000000000003","assignmentId":"%s","submittedAt":"2026-03-12T19:00:00Z",
                  "instrument":"PHQ-9","score":4,"maxScore":27,"severity":"minimal",
                  "followUp":{"therapistNotified":true,"message":"Thank you for answering honestly."},
                  "answers":{"item1":0,"item2":1,"item3":0,"item4":1,"item5":0,"item6":0,"item7":1,"item8":0,"item9":1}}]
                """.formatted(PHQ9_ASSIGNMENT)));

        Document page = get("/homework/" + PHQ9_ASSIGNMENT, "de-DE,de;q=0.9");

        Element crisis = page.selectFirst("h1").nextElementSibling();
        assertThat(crisis.attr("role")).isEqualTo("alert");
        assertThat(crisis.select("h2").text()).isEqualTo("Hilfe gibt es sofort");
        assertThat(crisis.text()).contains("Ihre Therapeutin oder Ihr Therapeut wurde benachrichtigt");
        assertThat(crisis.select(".crisis-name").first().text()).isEqualTo("Ihre örtliche Notrufnummer");
        assertThat(page.select("form.answers")).isEmpty();
        assertThat(page.select(".answers-read dd").eachText()).startsWith("Not at all", "Several days");
        assertThat(page.select(".answers-read dd").last().text()).isEqualTo("Nicht beantwortet");
        assertThat(page.select(".result .score").text()).isEqualTo("4 von 27 minimal");
    }

    @Test
    void aReviewedWorksheetShowsTheAnswersReadOnlyAndTheTherapistsComment() {
        API.answer("/api/v1/assignments/" + WORKSHEET, Answer.json(assignment(WORKSHEET, "Boundaries worksheet",
                "exercise", "null", "reviewed", WORKSHEET_TEMPLATE, null,
                "\"submittedAt\":\"2026-03-12T19:00:00Z\",\"reviewedAt\":\"2026-03-13T08:00:00Z\","
                        + "\"reviewComment\":\"A clear boundary. Let's practise saying it on Thursday.\",")));
        API.answer("/api/v1/assignments/" + WORKSHEET + "/submissions", Answer.json("""
                [{"id":"8c0d0000-0000-4000-8000-000000000004","assignmentId":"%s","submittedAt":"2026-03-12T19:00:00Z",
                  "answers":{"area":"privacy","situation":"He read my messages.","boundary":"I will keep my phone locked.",
                             "confidence":7,"talked-about":true}}]
                """.formatted(WORKSHEET)));

        Document page = get("/homework/" + WORKSHEET, "en");

        assertThat(page.select("main form, main input, main textarea")).isEmpty();
        assertThat(page.select(".meta .tag").text()).isEqualTo("Reviewed");
        assertThat(page.select(".review blockquote").text()).isEqualTo("A clear boundary. Let's practise saying it on Thursday.");
        assertThat(page.select(".answers-read dt").first().text()).isEqualTo("1. Which area is this about?");
        assertThat(page.select(".answers-read dd").eachText()).containsExactly("Privacy", "He read my messages.",
                "Not answered", "I will keep my phone locked.", "Not answered", "7 (on a scale from 1 to 10)", "Yes");
    }

    @Test
    void savingADraftKeepsTheAnswersAndSaysSo() {
        API.answer("PUT /api/v1/assignments/" + WORKSHEET + "/draft", Answer.json(assignment(WORKSHEET,
                "Boundaries worksheet", "exercise", "null", "in-progress", "null", null, null)));
        Map<String, String> form = new LinkedHashMap<>();
        form.put("a.situation", "At dinner on Sunday");
        form.put("a.confidence", "6");
        form.put("action", "draft");

        web.mutateWith(client()).mutateWith(csrf()).post().uri("/homework/" + WORKSHEET)
                .header("Content-Type", "application/x-www-form-urlencoded").bodyValue(encode(form)).exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/homework/" + WORKSHEET + "?saved");

        assertThat(API.bodySentTo("PUT", "/api/v1/assignments/" + WORKSHEET + "/draft"))
                .isEqualTo("{\"answers\":{\"situation\":\"At dinner on Sunday\",\"confidence\":6}}");
        assertThat(API.bodySentTo("POST", "/api/v1/assignments/" + WORKSHEET + "/submissions")).isNull();
        Document page = get("/homework/" + WORKSHEET + "?saved", "en");
        assertThat(page.select("[role=status]").text()).startsWith("Your draft is saved.");
        assertThat(page.select("textarea#q-situation").text()).isEqualTo("At dinner on Sunday");
    }

    @Test
    void whenExercisesAreDownTheListAndThePageSaySoAndAHandInKeepsTheAnswers() {
        API.answer("/api/v1/assignments", Answer.problem(503, "service-unavailable"));
        assertThat(get("/homework", "en").select(".notice").text()).contains("cannot be shown right now");

        API.answer("/api/v1/assignments/" + JOURNAL, Answer.problem(503, "service-unavailable"));
        String html = web.mutateWith(client()).get().uri("/homework/" + JOURNAL).cookie("tz", "Europe/Berlin").exchange()
                .expectStatus().isEqualTo(503).expectBody(String.class).returnResult().getResponseBody();
        assertThat(Jsoup.parse(html).select("[role=status]").text()).contains("cannot be shown right now");

        API.answer("POST /api/v1/assignments/" + PHQ9_ASSIGNMENT + "/submissions", Answer.problem(503, "service-unavailable"));
        Document page = post("/homework/" + PHQ9_ASSIGNMENT, phq9Answers(2));
        assertThat(page.select(".error-summary h2").text()).isEqualTo("Your answers could not be sent");
        assertThat(page.select("fieldset#q-item5 input[checked]").attr("value")).isEqualTo("2");
    }

    @Test
    void anAssignmentThatIsNotTheClientsIsNotFound() {
        API.answer("/api/v1/assignments/" + JOURNAL, Answer.problem(404, "assignment-not-found"));
        web.mutateWith(client()).get().uri("/homework/" + JOURNAL).exchange().expectStatus().isNotFound();
    }

    @Test
    void homeworkPagesAreNeverCachedAndUseNoInlineStyleOrScript() {
        web.mutateWith(client()).get().uri("/homework/" + PHQ9_ASSIGNMENT).exchange()
                .expectStatus().isOk()
                .expectHeader().value("Cache-Control", value -> assertThat(value).contains("no-store"));
        Document page = get("/homework/" + PHQ9_ASSIGNMENT, "en");
        assertThat(page.select("[style], style, script:not([src])")).isEmpty();
    }

    private Document get(String uri, String language) {
        String html = web.mutateWith(client()).get().uri(uri).header("Accept-Language", language)
                .cookie("tz", "Europe/Berlin").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return Jsoup.parse(html);
    }

    private Document post(String uri, Map<String, String> form) {
        WebTestClient.ResponseSpec response = web.mutateWith(client()).mutateWith(csrf()).post().uri(uri)
                .header("Accept-Language", "en").cookie("tz", "Europe/Berlin")
                .header("Content-Type", "application/x-www-form-urlencoded").bodyValue(encode(form)).exchange();
        return Jsoup.parse(response.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    private static Map<String, String> phq9Answers(int each) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int item = 1; item <= 9; item++) {
            form.put("a.item" + item, String.valueOf(each));
        }
        form.put("action", "submit");
        return form;
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** A client's own view of one assignment, as exercises-service's AssignmentView writes it. */
    private static String assignment(String id, String title, String kind, String instrument, String status,
                                     String template, String draft, String extra) {
        return """
                {"id":"%s","clientId":"%s","therapistId":"%s","templateId":"7b1f0000-0000-4000-8000-000000000009",
                 "templateTitle":"%s","kind":"%s","instrument":%s,"status":"%s","dueAt":"2026-03-20T18:00:00Z",
                 "availableFrom":"2026-03-01T10:00:00Z","fromLastSession":false,%s"createdAt":"2026-03-01T10:00:00Z",
                 "template":%s%s}
                """.formatted(id, SUBJECT, THERAPIST, title, kind, instrument, status, extra == null ? "" : extra,
                template, draft == null ? "" : ",\"draftAnswers\":" + draft);
    }

    /** A built-in template as exercises-service ships it (and serves it inside an assignment). */
    private static String template(String key) {
        try {
            return Files.readString(Path.of("..", "exercises-service", "src", "main", "resources", "templates", key + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
