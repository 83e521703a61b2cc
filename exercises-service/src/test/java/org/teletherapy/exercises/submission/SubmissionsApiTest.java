package org.teletherapy.exercises.submission;

import org.teletherapy.exercises.ExercisesApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.testsupport.DemoUsers;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teletherapy.exercises.ExercisesFixtures.BOUNDARIES;
import static org.teletherapy.exercises.ExercisesFixtures.CONSISTENCY;
import static org.teletherapy.exercises.ExercisesFixtures.GAD_7;
import static org.teletherapy.exercises.ExercisesFixtures.JOURNAL;
import static org.teletherapy.exercises.ExercisesFixtures.PHQ_9;
import static org.teletherapy.exercises.ExercisesFixtures.as;
import static org.teletherapy.exercises.ExercisesFixtures.assign;
import static org.teletherapy.exercises.ExercisesFixtures.idOf;
import static org.teletherapy.exercises.ExercisesFixtures.items;
import static org.teletherapy.exercises.ExercisesFixtures.outboxEvents;

class SubmissionsApiTest extends ExercisesApiTestBase {

    static final Map<String, Object> JOURNAL_ENTRY = Map.of("answers", Map.of(
            "moment", "We talked about the weekend plans and I said I felt left out.",
            "said-it", true,
            "feeling", "uneasy",
            "safety", 6));

    @Test
    void aHandedInJournalEntryIsStoredOnlyAsCiphertextAndReadOnlyByItsPeople() {
        UUID assignment = assign(web, "therapist1", DemoUsers.CLIENT1, JOURNAL);

        UUID response = idOf(submit("client1", assignment, JOURNAL_ENTRY)
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.assignmentId").isEqualTo(assignment.toString())
                .jsonPath("$.score").doesNotExist()
                .jsonPath("$.answers").doesNotExist()
                .returnResult().getResponseBody());

        byte[] stored = database.sql("select answers from submission where id = :id").bind("id", response)
                .map(row -> row.get("answers", byte[].class)).one().block();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("weekend").doesNotContain("uneasy");
        assertThat(outboxEvents(database, "exercise.submitted", "assignmentId", assignment)).isEqualTo(1);

        web.get().uri("/api/v1/assignments/" + assignment).headers(as("client1")).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("submitted");
        web.get().uri("/api/v1/assignments/" + assignment + "/submissions").headers(as("client1")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].id").isEqualTo(response.toString())
                .jsonPath("$[0].answers.moment").isEqualTo("We talked about the weekend plans and I said I felt left out.");
        web.get().uri("/api/v1/assignments/" + assignment + "/submissions").headers(as("therapist1")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].answers.safety").isEqualTo(6);
        web.get().uri("/api/v1/assignments/" + assignment + "/submissions").headers(as("client2")).exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/v1/assignments/" + assignment + "/submissions").headers(as("therapist2")).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void aPhq9IsScoredExactlyAndJoinsTheClientsScoreHistory() {
        UUID assignment = assign(web, "therapist1", DemoUsers.CLIENT2, PHQ_9);

        UUID response = idOf(submit("client2", assignment, items(9, 2, Map.of("item9", 0)))
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.instrument").isEqualTo("PHQ-9")
                .jsonPath("$.score").isEqualTo(16)
                .jsonPath("$.maxScore").isEqualTo(27)
                .jsonPath("$.severity").isEqualTo("moderately-severe")
                .jsonPath("$.followUp").doesNotExist()
                .returnResult().getResponseBody());

        assertThat(outboxEvents(database, "measure.scored", "responseId", response)).isEqualTo(1);
        assertThat(outboxEvents(database, "measure.safety-alert", "responseId", response)).isZero();
        web.get().uri("/api/v1/measures?instrument=PHQ-9").headers(as("client2")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.responseId == '" + response + "')].totalScore").isEqualTo(16)
                .jsonPath("$[?(@.responseId == '" + response + "')].severity").isEqualTo("moderately-severe");
        web.get().uri("/api/v1/measures?clientId=" + DemoUsers.CLIENT2 + "&instrument=PHQ-9").headers(as("therapist1")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.responseId == '" + response + "')].instrument").isEqualTo("PHQ-9");
        web.get().uri("/api/v1/measures?clientId=" + DemoUsers.CLIENT2).headers(as("therapist2")).exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/v1/measures?clientId=" + DemoUsers.CLIENT2).headers(as("client1")).exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/v1/measures").headers(as("therapist1")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:client-required");
        web.get().uri("/api/v1/measures?instrument=BDI").headers(as("client2")).exchange()
                .expectStatus().isBadRequest();
        web.get().uri("/api/v1/measures?clientId=" + DemoUsers.CLIENT2).headers(as("operator1")).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void aGad7IsScoredWithItsOwnBands() {
        UUID assignment = assign(web, "therapist1", DemoUsers.CLIENT1, GAD_7);

        submit("client1", assignment, items(7, 3, Map.of()))
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.instrument").isEqualTo("GAD-7")
                .jsonPath("$.score").isEqualTo(21)
                .jsonPath("$.maxScore").isEqualTo(21)
                .jsonPath("$.severity").isEqualTo("severe");
    }

    @Test
    void aQuestionnaireWithAMissingItemIsNeitherScoredNorSaved() {
        UUID assignment = assign(web, "therapist1", DemoUsers.CLIENT1, GAD_7);
        Map<String, Object> body = items(7, 1, Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> answers = new HashMap<>((Map<String, Object>) body.get("answers"));
        answers.remove("item4");

        submit("client1", assignment, Map.of("answers", answers))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:teletherapy:problem:incomplete-questionnaire")
                .jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo("answers.item4")
                .jsonPath("$.errors[0].code").isEqualTo("required");

        assertThat(database.sql("select count(*) from measure where assignment_id = :a").bind("a", assignment)
                .map(row -> row.get(0, Long.class)).one().block()).isZero();
        assertThat(outboxEvents(database, "exercise.submitted", "assignmentId", assignment)).isZero();
        web.get().uri("/api/v1/assignments/" + assignment).headers(as("client1")).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("assigned");
    }

    @Test
    void answersOfTheWrongKindAreNamedWithoutTheirValues() {
        UUID assignment = assign(web, "therapist1", DemoUsers.CLIENT1, BOUNDARIES);
        Map<String, Object> answers = new HashMap<>();
        answers.put("area", "astrology");
        answers.put("situation", 12);
        answers.put("boundary", "I will leave the room when the shouting starts.");
        answers.put("confidence", 42);
        answers.put("talked-about", "maybe");

        String problem = new String(submit("client1", assignment, Map.of("answers", answers))
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:teletherapy:problem:invalid-answers")
                .jsonPath("$.errors[?(@.field == 'answers.area')].code").isEqualTo("not-an-option")
                .jsonPath("$.errors[?(@.field == 'answers.situation')].code").isEqualTo("wrong-type")
                .jsonPath("$.errors[?(@.field == 'answers.confidence')].code").isEqualTo("out-of-range")
                .jsonPath("$.errors[?(@.field == 'answers.talked-about')].code").isEqualTo("wrong-type")
                .returnResult().getResponseBody(), StandardCharsets.UTF_8);
        assertThat(problem.substring(problem.indexOf("\"errors\""))).doesNotContain("astrology")
                .doesNotContain("shouting").doesNotContain("42");
        assertThat(problem).doesNotContain("astrology").doesNotContain("shouting");

        submit("client1", assignment, Map.of("answers", "all good")).expectStatus().isBadRequest();
        submit("client1", assignment, Map.of()).expectStatus().isBadRequest();
    }

    @Test
    void handingInTwiceConflictsButARetryWithTheSameIdempotencyKeyGetsTheSameResponse() {
        UUID assignment = assign(web, "therapist1", DemoUsers.CLIENT1, PHQ_9);
        String key = "retry-" + UUID.randomUUID();

        UUID first = idOf(submit("client1", assignment, items(9, 1, Map.of("item9", 0)), key)
                .expectStatus().isCreated().expectBody().returnResult().getResponseBody());
        UUID retried = idOf(submit("client1", assignment, items(9, 1, Map.of("item9", 0)), key)
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.score").isEqualTo(8).jsonPath("$.severity").isEqualTo("mild")
                .returnResult().getResponseBody());

        assertThat(retried).isEqualTo(first);
        submit("client1", assignment, items(9, 1, Map.of("item9", 0)))
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:already-submitted");
        assertThat(outboxEvents(database, "measure.scored", "assignmentId", assignment)).isEqualTo(1);
        assertThat(outboxEvents(database, "exercise.submitted", "assignmentId", assignment)).isEqualTo(1);
        submit("client1", assignment, items(9, 1, Map.of()), "not a valid key!").expectStatus().isBadRequest();
    }

    @Test
    @SuppressWarnings("unchecked")
    void anIdempotencyKeyReusedWithOtherAnswersIsRefusedNotAnsweredWithTheFirstHandIn() {
        UUID assignment = assign(web, "therapist1", DemoUsers.CLIENT1, PHQ_9);
        String key = "reuse-" + UUID.randomUUID();
        submit("client1", assignment, items(9, 1, Map.of("item9", 0)), key).expectStatus().isCreated();

        submit("client1", assignment, items(9, 3, Map.of("item9", 0)), key)
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:idempotency-key-reused")
                .jsonPath("$.score").doesNotExist();
        // The same answers in another order are the same request.
        Map<String, Object> reordered = new TreeMap<>(Comparator.reverseOrder());
        reordered.putAll((Map<String, ?>) items(9, 1, Map.of("item9", 0)).get("answers"));
        submit("client1", assignment, Map.of("answers", reordered), key).expectStatus().isCreated()
                .expectBody().jsonPath("$.score").isEqualTo(8);
        assertThat(outboxEvents(database, "exercise.submitted", "assignmentId", assignment)).isEqualTo(1);
    }

    @Test
    void aDraftStartsTheAssignmentAndStaysPrivateToTheClientUntilHandedIn() {
        UUID assignment = assign(web, "therapist1", DemoUsers.CLIENT1, CONSISTENCY);

        web.put().uri("/api/v1/assignments/" + assignment + "/draft").headers(as("client1"))
                .bodyValue(Map.of("answers", Map.of("promise", "Call when I am running late"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("in-progress")
                .jsonPath("$.draftAnswers.promise").isEqualTo("Call when I am running late");
        web.get().uri("/api/v1/assignments/" + assignment).headers(as("therapist1")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("in-progress")
                .jsonPath("$.draftAnswers").doesNotExist();
        web.put().uri("/api/v1/assignments/" + assignment + "/draft").headers(as("client1"))
                .bodyValue(Map.of("answers", Map.of("kept", 5))).exchange()
                .expectStatus().isEqualTo(422);

        submit("client1", assignment, Map.of("answers", Map.of("promise", "Call when I am running late",
                "kept", "partly", "reliability", 7))).expectStatus().isCreated();
        web.get().uri("/api/v1/assignments/" + assignment).headers(as("client1")).exchange()
                .expectBody()
                .jsonPath("$.status").isEqualTo("submitted")
                .jsonPath("$.draftAnswers").doesNotExist();
        web.put().uri("/api/v1/assignments/" + assignment + "/draft").headers(as("client1"))
                .bodyValue(Map.of("answers", Map.of())).exchange()
                .expectStatus().isEqualTo(409);
    }

    @Test
    void aTherapistReviewsHandedInHomeworkAndTheClientSeesTheComment() {
        UUID assignment = assign(web, "therapist1", DemoUsers.CLIENT2, JOURNAL);
        Map<String, Object> review = Map.of("comment", "Thank you for writing this down. Let's start there on Thursday.");

        web.post().uri("/api/v1/assignments/" + assignment + "/review").headers(as("therapist1")).bodyValue(review)
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:not-submitted");
        submit("client2", assignment, JOURNAL_ENTRY).expectStatus().isCreated();

        web.post().uri("/api/v1/assignments/" + assignment + "/review").headers(as("therapist2")).bodyValue(review)
                .exchange().expectStatus().isNotFound();
        web.post().uri("/api/v1/assignments/" + assignment + "/review").headers(as("client2")).bodyValue(review)
                .exchange().expectStatus().isForbidden();
        web.post().uri("/api/v1/assignments/" + assignment + "/review").headers(as("therapist1")).bodyValue(review)
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("reviewed")
                .jsonPath("$.reviewedAt").exists();
        web.get().uri("/api/v1/assignments/" + assignment).headers(as("client2")).exchange()
                .expectBody().jsonPath("$.reviewComment").isEqualTo(review.get("comment"));
        web.post().uri("/api/v1/assignments/" + assignment + "/review").headers(as("therapist1")).bodyValue(review)
                .exchange().expectStatus().isEqualTo(409);
    }

    private WebTestClient.ResponseSpec submit(String client, UUID assignment, Object body) {
        return web.post().uri("/api/v1/assignments/" + assignment + "/submissions").headers(as(client))
                .bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec submit(String client, UUID assignment, Object body, String idempotencyKey) {
        return web.post().uri("/api/v1/assignments/" + assignment + "/submissions").headers(as(client))
                .header("Idempotency-Key", idempotencyKey)
                .bodyValue(body).exchange();
    }
}
