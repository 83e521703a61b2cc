package org.teletherapy.web.review;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.teletherapy.web.StandInApi.Answer;
import org.teletherapy.web.notes.TherapistPageTest;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Reviewing a hand-in: the client's answers (the client portal's rendering), score and band, and the comment. */
class ReviewPageTest extends TherapistPageTest {

    static final String PHQ9 = "a5000000-0000-4000-8000-000000000009";
    static final String WORKSHEET = "a5000000-0000-4000-8000-000000000104";

    @Test
    void aQuestionnaireShowsItsScoreBandAnswersAndTheFollowUpItNeeds() {
        handedIn(PHQ9, "PHQ-9 — Patient Health Questionnaire", "questionnaire", "\"PHQ-9\"", "phq-9", "submitted", "null");
        API.answer("/api/v1/assignments/" + PHQ9 + "/submissions", Answer.json("""
                [{"id":"c0000000-0000-4000-8000-000000000001","assignmentId":"%s","submittedAt":"2026-03-12T19:00:00Z",
                  "instrument":"PHQ-9","score":11,"maxScore":27,"severity":"moderate",
                  "followUp":{"therapistNotified":true,"message":"x"},
                  "answers":{"item1":1,"item2":2,"item3":1,"item4":2,"item5":1,"item6":1,"item7":1,"item8":1,"item9":1}}]"""
                .formatted(PHQ9)));

        Document page = page("/homework-review/" + PHQ9);

        assertThat(page.select("h1").text()).isEqualTo("Review: PHQ-9 — Patient Health Questionnaire");
        assertThat(page.select(".about .client").text()).isEqualTo("Clara Meyer");
        // The client's name is no "client" flag: the navigation stays a therapist's.
        assertThat(page.select("nav a").eachAttr("href")).doesNotContain("/book", "/homework", "/scores");
        assertThat(page.select(".meta").text()).contains("Handed in", "handed in Thursday, March 12, 2026, 8:00 PM");
        assertThat(page.select(".crisis[role=alert]").text()).contains("These answers need your follow-up");
        assertThat(page.select(".result .score-value").text()).isEqualTo("11 of 27");
        assertThat(page.select(".result .band-name").text()).isEqualTo("moderate");
        assertThat(page.select(".answers-read dt").first().text()).isEqualTo("1. Little interest or pleasure in doing things");
        assertThat(page.select(".answers-read dd").first().text()).isEqualTo("Several days");
        assertThat(page.select("label[for=comment]").text()).isEqualTo("A comment for your client (optional)");
    }

    @Test
    void anExercisesAnswersAreShownAsTheClientGaveThem() {
        handedIn(WORKSHEET, "Boundaries worksheet", "exercise", "null", "boundaries-worksheet", "reviewed",
                "\"Thank you for writing this down.\"");
        API.answer("/api/v1/assignments/" + WORKSHEET + "/submissions", Answer.json("""
                [{"id":"c0000000-0000-4000-8000-000000000002","assignmentId":"%s","submittedAt":"2026-03-12T19:00:00Z",
                  "answers":{"area":"privacy","situation":"My partner reads my messages.","boundary":"I keep my phone locked.",
                             "confidence":7,"talked-about":false}}]""".formatted(WORKSHEET)));

        Document page = page("/homework-review/" + WORKSHEET);

        assertThat(page.select(".answers-read").text()).contains("My partner reads my messages.", "7 (on a scale from 1 to 10)");
        assertThat(page.select(".result")).isEmpty();
        assertThat(page.select(".crisis")).isEmpty();
        assertThat(page.select("figure.review blockquote").text()).isEqualTo("Thank you for writing this down.");
        assertThat(page.select("#comment")).as("reviewed once").isEmpty();
    }

    @Test
    void theCommentIsSentAndThePageSaysItIsReviewed() {
        API.answer("POST /api/v1/assignments/" + PHQ9 + "/review", Answer.json("{\"id\":\"" + PHQ9 + "\",\"status\":\"reviewed\"}"));

        send("/homework-review/" + PHQ9, Map.of("comment", "Let us talk\r\nabout sleep.")).expectStatus().is3xxRedirection()
                .expectHeader().location("/homework-review/" + PHQ9 + "?reviewed");

        assertThat(API.bodySentTo("POST", "/api/v1/assignments/" + PHQ9 + "/review"))
                .isEqualTo("{\"comment\":\"Let us talk\\nabout sleep.\"}");
    }

    @Test
    void aCommentTooLongIsRefusedBesideItAndKept() {
        handedIn(PHQ9, "PHQ-9 — Patient Health Questionnaire", "questionnaire", "\"PHQ-9\"", "phq-9", "submitted", "null");
        API.answer("/api/v1/assignments/" + PHQ9 + "/submissions", Answer.json("[]"));
        API.answer("POST /api/v1/assignments/" + PHQ9 + "/review", new Answer(400, "application/problem+json", """
                {"type":"urn:teletherapy:problem:validation","title":"Bad Request","status":400,
                 "errors":[{"field":"comment","message":"size must be between 0 and 4000"}]}"""));

        Document page = html(send("/homework-review/" + PHQ9, Map.of("comment", "Very long")).expectStatus().isBadRequest());

        assertThat(page.select("#comment-error").text()).isEqualTo("The comment is too long: at most 4,000 characters.");
        assertThat(page.select("#comment").attr("aria-describedby")).isEqualTo("comment-hint comment-error");
        assertThat(page.select("#comment").text()).isEqualTo("Very long");
    }

    @Test
    void homeworkNotHandedInYetHasNothingToReview() {
        handedIn(PHQ9, "PHQ-9 — Patient Health Questionnaire", "questionnaire", "\"PHQ-9\"", "phq-9", "assigned", "null");

        Document page = page("/homework-review/" + PHQ9);

        assertThat(page.select(".notice").text()).contains("Not handed in yet.");
        assertThat(page.select("#comment")).isEmpty();
    }

    @Test
    void answersThatCannotBeReadNowSaySoAndTheRestIsShown() {
        handedIn(PHQ9, "PHQ-9 — Patient Health Questionnaire", "questionnaire", "\"PHQ-9\"", "phq-9", "submitted", "null");
        API.answer("/api/v1/assignments/" + PHQ9 + "/submissions", Answer.problem(503, "content-key-unavailable"));

        Document page = page("/homework-review/" + PHQ9);

        assertThat(page.select("[aria-labelledby=answers-heading] .notice").text()).contains("This part cannot be shown right now.");
        assertThat(page.select("#comment")).hasSize(1);
    }

    @Test
    void anotherTherapistsAssignmentIsNotFound() {
        API.answer("/api/v1/assignments/" + PHQ9, Answer.problem(404, "assignment-not-found"));
        getAs(therapist(), "/homework-review/" + PHQ9).expectStatus().isNotFound();
    }

    /** A therapist's view of one assignment, as exercises-service's AssignmentView writes it. */
    private static void handedIn(String id, String title, String kind, String instrument, String template, String status,
                                 String comment) {
        API.answer("/api/v1/assignments/" + id, Answer.json("""
                {"id":"%s","clientId":"%s","therapistId":"%s","templateId":"7b1f0000-0000-4000-8000-000000000009",
                 "templateTitle":"%s","kind":"%s","instrument":%s,"status":"%s","dueAt":"2026-03-20T18:00:00Z",
                 "availableFrom":"2026-03-01T10:00:00Z","fromLastSession":false,"submittedAt":"2026-03-12T19:00:00Z",
                 "reviewComment":%s,"createdAt":"2026-03-01T10:00:00Z","template":%s}"""
                .formatted(id, CLIENT1, THERAPIST, title, kind, instrument, status, comment,
                        builtIn(template))));
    }
}
