package org.teletherapy.exercises.assignment;

import org.teletherapy.exercises.ExercisesApiTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.events.roster.RosterLinked;
import org.teletherapy.events.roster.RosterUnlinked;
import org.teletherapy.events.sessions.Actor;
import org.teletherapy.events.sessions.CancellationReason;
import org.teletherapy.events.sessions.SessionBooked;
import org.teletherapy.events.sessions.SessionCancelled;
import org.teletherapy.events.sessions.SessionCompleted;
import org.teletherapy.events.sessions.SessionRescheduled;
import org.teletherapy.testsupport.DemoUsers;
import org.teletherapy.testsupport.TestEvents;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.teletherapy.exercises.ExercisesFixtures.BOUNDARIES;
import static org.teletherapy.exercises.ExercisesFixtures.CONSISTENCY;
import static org.teletherapy.exercises.ExercisesFixtures.JOURNAL;
import static org.teletherapy.exercises.ExercisesFixtures.as;
import static org.teletherapy.exercises.ExercisesFixtures.assign;
import static org.teletherapy.exercises.ExercisesFixtures.assignment;
import static org.teletherapy.exercises.ExercisesFixtures.created;
import static org.teletherapy.exercises.ExercisesFixtures.idOf;
import static org.teletherapy.exercises.ExercisesFixtures.linked;
import static org.teletherapy.exercises.ExercisesFixtures.outboxEvents;

class AssignmentsApiTest extends ExercisesApiTestBase {

    @Test
    void aTherapistAssignsHomeworkToAClientOnTheirRoster() {
        Instant due = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        WebTestClient.ResponseSpec response = web.post().uri("/api/v1/assignments").headers(as("therapist1"))
                .bodyValue(assignment(DemoUsers.CLIENT1, JOURNAL, due)).exchange();

        UUID id = idOf(response.expectStatus().isCreated()
                .expectHeader().value("Location", location -> assertThat(location).startsWith("/api/v1/assignments/"))
                .expectBody()
                .jsonPath("$.status").isEqualTo("assigned")
                .jsonPath("$.clientId").isEqualTo(DemoUsers.CLIENT1.toString())
                .jsonPath("$.therapistId").isEqualTo(DemoUsers.THERAPIST1.toString())
                .jsonPath("$.templateTitle").isEqualTo("Open and honest communication journal")
                .jsonPath("$.dueAt").isEqualTo(due.toString())
                .jsonPath("$.instructions").isEqualTo("Write one entry after dinner, before we meet on Thursday.")
                .returnResult().getResponseBody());
        assertThat(outboxEvents(database, "exercise.assigned", "assignmentId", id)).isEqualTo(1);

        web.get().uri("/api/v1/assignments/" + id).headers(as("client1")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("assigned")
                .jsonPath("$.template.questions[0].id").isEqualTo("moment")
                .jsonPath("$.instructions").isEqualTo("Write one entry after dinner, before we meet on Thursday.");
    }

    @Test
    void theTherapistsInstructionsAreStoredOnlyAsCiphertext() {
        UUID id = assign(web, "therapist1", DemoUsers.CLIENT1, JOURNAL);

        byte[] stored = database.sql("select instructions from assignment where id = :id").bind("id", id)
                .map(row -> row.get("instructions", byte[].class)).one().block();
        assertThat(stored).isNotNull();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("dinner");
    }

    @Test
    void aClientSeesOnlyTheirOwnHomework() {
        UUID forClient1 = assign(web, "therapist1", DemoUsers.CLIENT1, CONSISTENCY);
        UUID forClient2 = assign(web, "therapist1", DemoUsers.CLIENT2, CONSISTENCY);

        List<Map<String, Object>> client2sList = list("client2", "/api/v1/assignments");
        assertThat(client2sList).extracting(view -> view.get("clientId")).containsOnly(DemoUsers.CLIENT2.toString());
        assertThat(client2sList).extracting(view -> view.get("id"))
                .contains(forClient2.toString()).doesNotContain(forClient1.toString());
    }

    @Test
    void aClientCannotReadAnotherClientsAssignment() {
        UUID forClient1 = assign(web, "therapist1", DemoUsers.CLIENT1, JOURNAL);

        web.get().uri("/api/v1/assignments/" + forClient1).headers(as("client2")).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:assignment-not-found");
        web.get().uri("/api/v1/assignments/" + forClient1 + "/submissions").headers(as("client2")).exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/v1/assignments/" + forClient1).headers(as("therapist2")).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void aTherapistListsWhatTheyAssignedByClientAndStatus() {
        UUID forClient1 = assign(web, "therapist1", DemoUsers.CLIENT1, BOUNDARIES);
        UUID forClient2 = assign(web, "therapist1", DemoUsers.CLIENT2, BOUNDARIES);

        assertThat(list("therapist1", "/api/v1/assignments")).extracting(view -> view.get("id"))
                .contains(forClient1.toString(), forClient2.toString());
        assertThat(list("therapist1", "/api/v1/assignments?clientId=" + DemoUsers.CLIENT2 + "&status=assigned"))
                .allSatisfy(view -> {
                    assertThat(view.get("clientId")).isEqualTo(DemoUsers.CLIENT2.toString());
                    assertThat(view.get("status")).isEqualTo("assigned");
                })
                .extracting(view -> view.get("id")).contains(forClient2.toString()).doesNotContain(forClient1.toString());
        assertThat(list("therapist1", "/api/v1/assignments?status=reviewed")).extracting(view -> view.get("id"))
                .doesNotContain(forClient1.toString(), forClient2.toString());
        assertThat(list("therapist2", "/api/v1/assignments"))
                .allSatisfy(view -> assertThat(view.get("therapistId")).isEqualTo(DemoUsers.THERAPIST2.toString()));

        web.get().uri("/api/v1/assignments?status=finished").headers(as("therapist1")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:invalid-status");
    }

    @Test
    void anUnknownTemplateIsASpecificProblem() {
        web.post().uri("/api/v1/assignments").headers(as("therapist1"))
                .bodyValue(assignment(DemoUsers.CLIENT1, UUID.randomUUID(), Instant.now().plus(1, ChronoUnit.DAYS)))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:teletherapy:problem:unknown-template")
                .jsonPath("$.errors[0].field").isEqualTo("templateId");
    }

    @Test
    void aClientNotOnTheTherapistsRosterCannotBeGivenHomework() {
        web.post().uri("/api/v1/assignments").headers(as("therapist2"))
                .bodyValue(assignment(DemoUsers.CLIENT1, JOURNAL, Instant.now().plus(1, ChronoUnit.DAYS)))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:teletherapy:problem:client-not-on-roster")
                .jsonPath("$.errors[0].field").isEqualTo("clientId");
    }

    @Test
    void aDueDateInThePastIsRefused() {
        web.post().uri("/api/v1/assignments").headers(as("therapist1"))
                .bodyValue(assignment(DemoUsers.CLIENT1, JOURNAL, Instant.now().minus(1, ChronoUnit.HOURS)))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:teletherapy:problem:due-date-in-past")
                .jsonPath("$.errors[0].field").isEqualTo("dueAt");
    }

    @Test
    void malformedAndIncompleteRequestsAreBadRequestsNeverServerErrors() {
        Map<String, Object> notADate = new java.util.HashMap<>(assignment(DemoUsers.CLIENT1, JOURNAL, Instant.now()));
        notADate.put("dueAt", "next Tuesday");
        web.post().uri("/api/v1/assignments").headers(as("therapist1")).bodyValue(notADate).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:malformed-request");

        web.post().uri("/api/v1/assignments").headers(as("therapist1"))
                .bodyValue(Map.of("templateId", JOURNAL.toString())).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:validation");

        web.get().uri("/api/v1/assignments/not-a-uuid").headers(as("client1")).exchange()
                .expectStatus().isBadRequest();
    }

    @Test
    void aWeeklyAssignmentCreatesOneInstancePerWeekUntilItsEnd() {
        Instant firstDue = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = new java.util.HashMap<>(assignment(DemoUsers.CLIENT2, CONSISTENCY, firstDue));
        body.put("recurrence", Map.of("frequency", "weekly", "until", firstDue.plus(20, ChronoUnit.DAYS).toString(),
                "timeZone", "Europe/Berlin"));

        byte[] created = web.post().uri("/api/v1/assignments").headers(as("therapist1"))
                .bodyValue(body).exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.instances.length()").isEqualTo(3)
                .jsonPath("$.instances[2].dueAt").isEqualTo(firstDue.plus(14, ChronoUnit.DAYS).toString())
                .jsonPath("$.seriesId").exists()
                .returnResult().getResponseBody();
        UUID first = idOf(created);
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(new String(created, StandardCharsets.UTF_8), "$.instances[0].id"))
                .isEqualTo(first.toString());

        // Only the first period has begun, so the client sees one instance; the therapist sees all three.
        assertThat(list("client2", "/api/v1/assignments")).filteredOn(view -> body.get("templateId").equals(view.get("templateId"))
                && firstDue.toString().compareTo((String) view.get("dueAt")) < 0).isEmpty();
        String seriesId = (String) list("therapist1", "/api/v1/assignments?clientId=" + DemoUsers.CLIENT2).stream()
                .filter(view -> first.toString().equals(view.get("id"))).findFirst().orElseThrow().get("seriesId");
        assertThat(list("therapist1", "/api/v1/assignments?clientId=" + DemoUsers.CLIENT2))
                .filteredOn(view -> seriesId.equals(view.get("seriesId"))).hasSize(3);
    }

    @Test
    void homeworkForASessionAppearsToTheClientOnceTheSessionTookPlace() {
        UUID sessionId = booked(DemoUsers.CLIENT1, DemoUsers.THERAPIST1);
        Map<String, Object> body = new java.util.HashMap<>(assignment(DemoUsers.CLIENT1, BOUNDARIES,
                Instant.now().plus(7, ChronoUnit.DAYS)));
        body.put("sessionId", sessionId.toString());
        UUID id = created(web.post().uri("/api/v1/assignments").headers(as("therapist1")).bodyValue(body).exchange());

        web.get().uri("/api/v1/assignments/" + id).headers(as("client1")).exchange().expectStatus().isNotFound();

        Instant ended = Instant.now();
        TestEvents.publish(new SessionCompleted(sessionId, DemoUsers.CLIENT1, DemoUsers.THERAPIST1,
                ended.minus(50, ChronoUnit.MINUTES), ended, ended));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get().uri("/api/v1/assignments/" + id)
                .headers(as("client1")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.sessionId").isEqualTo(sessionId.toString())
                .jsonPath("$.fromLastSession").isEqualTo(true));
    }

    @Test
    void homeworkLinksOnlyToASessionOfThatTherapistWithThatClientAndAnUnknownOneLooksTheSame() {
        UUID anothersSession = booked(DemoUsers.CLIENT3, DemoUsers.THERAPIST2);
        UUID withAnotherClient = booked(DemoUsers.CLIENT2, DemoUsers.THERAPIST1);

        Map<?, ?> invented = refusedForSession(UUID.randomUUID());
        assertThat(invented.get("type")).isEqualTo("urn:teletherapy:problem:session-mismatch");
        assertThat(invented.get("errors").toString()).contains("sessionId");
        // Only the request's own id (if a problem carries one) may differ.
        assertThat(refusedForSession(anothersSession)).usingRecursiveComparison().ignoringFields("requestId")
                .isEqualTo(invented);
        assertThat(refusedForSession(withAnotherClient)).usingRecursiveComparison().ignoringFields("requestId")
                .isEqualTo(invented);
        assertThat(database.sql("select count(*) from assignment where session_id in (:ids)")
                .bind("ids", List.of(anothersSession, withAnotherClient))
                .map(row -> row.get(0, Long.class)).one().block()).isZero();
    }

    @Test
    void homeworkForACancelledSessionIsRefusedBecauseItWouldNeverBeReleased() {
        UUID sessionId = booked(DemoUsers.CLIENT1, DemoUsers.THERAPIST1);
        TestEvents.publish(new SessionCancelled(sessionId, DemoUsers.CLIENT1, DemoUsers.THERAPIST1,
                Instant.now().plus(2, ChronoUnit.DAYS), Actor.CLIENT, CancellationReason.ILLNESS, false, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "cancelled".equals(knownStatus(sessionId)));

        web.post().uri("/api/v1/assignments").headers(as("therapist1")).bodyValue(forSession(sessionId)).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:session-not-held");
    }

    @Test
    void homeworkWaitingForASessionFollowsItWhenItIsRescheduledAndIsReleasedWhenTheNewOneTakesPlace() {
        UUID original = booked(DemoUsers.CLIENT1, DemoUsers.THERAPIST1);
        UUID id = created(web.post().uri("/api/v1/assignments").headers(as("therapist1")).bodyValue(forSession(original)).exchange());
        UUID moved = UUID.randomUUID();
        Instant newStart = Instant.now().plus(3, ChronoUnit.DAYS);
        TestEvents.publish(new SessionRescheduled(moved, original, DemoUsers.CLIENT1, DemoUsers.THERAPIST1,
                Instant.now().plus(2, ChronoUnit.DAYS), newStart, newStart.plus(50, ChronoUnit.MINUTES), Actor.CLIENT,
                Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "booked".equals(knownStatus(moved)));
        assertThat(knownStatus(original)).isEqualTo("cancelled");

        Instant ended = Instant.now();
        TestEvents.publish(new SessionCompleted(moved, DemoUsers.CLIENT1, DemoUsers.THERAPIST1,
                ended.minus(50, ChronoUnit.MINUTES), ended, ended));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> web.get().uri("/api/v1/assignments/" + id)
                .headers(as("client1")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.sessionId").isEqualTo(moved.toString()));
    }

    @Test
    void whenAClientLeavesTheRosterTheirTherapistNoLongerSeesOrAssignsTheirHomework() {
        UUID client = UUID.randomUUID();
        TestEvents.publish(new RosterLinked(client, DemoUsers.THERAPIST2, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> linked(database, client, DemoUsers.THERAPIST2));
        UUID id = assign(web, "therapist2", client, JOURNAL);
        web.get().uri("/api/v1/assignments/" + id).headers(as("therapist2")).exchange().expectStatus().isOk();

        TestEvents.publish(new RosterUnlinked(client, DemoUsers.THERAPIST2, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> !linked(database, client, DemoUsers.THERAPIST2));

        web.get().uri("/api/v1/assignments/" + id).headers(as("therapist2")).exchange().expectStatus().isNotFound();
        assertThat(list("therapist2", "/api/v1/assignments")).extracting(view -> view.get("id")).doesNotContain(id.toString());
        web.post().uri("/api/v1/assignments").headers(as("therapist2"))
                .bodyValue(assignment(client, JOURNAL, Instant.now().plus(1, ChronoUnit.DAYS))).exchange()
                .expectStatus().isEqualTo(422);
    }

    @Test
    void aTherapistWritesTheirOwnTemplateWhichOnlyTheyCanAssign() {
        Map<String, Object> template = Map.of(
                "title", "Gratitude log",
                "instructions", "Each evening, note one thing your partner did that you appreciated.",
                "questions", List.of(
                        Map.of("id", "what", "type", "text", "prompt", "What did they do?"),
                        Map.of("type", "scale", "prompt", "How much did it mean to you?", "min", 1, "max", 5),
                        Map.of("type", "single-choice", "prompt", "Did you tell them?", "required", false,
                                "options", List.of(Map.of("value", "yes", "label", "Yes"), Map.of("value", "later", "label", "Later"))),
                        Map.of("type", "yes-no", "prompt", "Would you like to talk about it in session?")));
        UUID templateId = created(web.post().uri("/api/v1/exercise-templates").headers(as("therapist1"))
                .bodyValue(template).exchange());

        web.get().uri("/api/v1/exercise-templates").headers(as("therapist1")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.id == '" + templateId + "')].questions[1].id").isEqualTo("q1")
                .jsonPath("$[?(@.key == 'phq-9')].instrument").isEqualTo("PHQ-9");
        web.get().uri("/api/v1/exercise-templates/" + templateId).headers(as("therapist2")).exchange()
                .expectStatus().isNotFound();
        web.get().uri("/api/v1/exercise-templates").headers(as("client1")).exchange().expectStatus().isForbidden();

        assign(web, "therapist1", DemoUsers.CLIENT1, templateId);
        web.post().uri("/api/v1/assignments").headers(as("therapist2"))
                .bodyValue(assignment(DemoUsers.CLIENT3, templateId, Instant.now().plus(1, ChronoUnit.DAYS))).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:unknown-template");
    }

    @Test
    void aTemplateWithUnusableQuestionsNamesThem() {
        Map<String, Object> template = Map.of("title", "Broken", "instructions", "x",
                "questions", List.of(Map.of("type", "scale", "prompt", "How much?", "min", 5, "max", 1)));

        web.post().uri("/api/v1/exercise-templates").headers(as("therapist1")).bodyValue(template).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:teletherapy:problem:invalid-template")
                .jsonPath("$.errors[0].field").isEqualTo("questions[0].max");
    }

    @Test
    void operatorsGetNoPersonalHomeworkListsOnlyFigures() {
        web.get().uri("/api/v1/assignments").headers(as("operator1")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/v1/assignments/figures").headers(as("operator1")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.byStatus.assigned").isNumber()
                .jsonPath("$.total").isNumber();
        web.get().uri("/api/v1/assignments/figures").headers(as("therapist1")).exchange().expectStatus().isForbidden();
    }

    @Test
    void withoutATokenTheApiAnswersAnUnauthorizedProblem() {
        web.get().uri("/api/v1/assignments").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(String user, String uri) {
        return web.get().uri(uri).headers(as(user)).exchange()
                .expectStatus().isOk()
                .expectBodyList(Map.class).returnResult().getResponseBody().stream()
                .map(view -> (Map<String, Object>) view).toList();
    }

    /** A session sessions-service announced as booked, once this service knows it. */
    private UUID booked(UUID client, UUID therapist) {
        UUID sessionId = UUID.randomUUID();
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS);
        TestEvents.publish(new SessionBooked(sessionId, client, therapist, start, start.plus(50, ChronoUnit.MINUTES),
                Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> "booked".equals(knownStatus(sessionId)));
        return sessionId;
    }

    private String knownStatus(UUID sessionId) {
        return database.sql("select status from known_session where session_id = :id").bind("id", sessionId)
                .map(row -> row.get(0, String.class)).one().blockOptional().orElse(null);
    }

    private static Map<String, Object> forSession(UUID sessionId) {
        Map<String, Object> body = new HashMap<>(assignment(DemoUsers.CLIENT1, BOUNDARIES,
                Instant.now().plus(7, ChronoUnit.DAYS)));
        body.put("sessionId", sessionId.toString());
        return body;
    }

    private Map<?, ?> refusedForSession(UUID sessionId) {
        return web.post().uri("/api/v1/assignments").headers(as("therapist1")).bodyValue(forSession(sessionId)).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody(Map.class).returnResult().getResponseBody();
    }
}
