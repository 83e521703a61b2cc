package org.teletherapy.exercises;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.testsupport.DemoUsers;
import org.teletherapy.testsupport.IntegrationTest;
import org.teletherapy.testsupport.MalformedInputs;
import org.teletherapy.testsupport.MalformedInputs.Case;

import java.util.List;
import java.util.stream.Stream;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;
import static org.teletherapy.exercises.ExercisesFixtures.JOURNAL;
import static org.teletherapy.exercises.ExercisesFixtures.assign;
import static org.teletherapy.exercises.ExercisesFixtures.demoRoster;

/**
 * Every endpoint, sent what careless and hostile callers send: 400 with a problem naming the field or parameter,
 * never a 500. {@code {assignment}} is a journal therapist1 gave client1.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputTest {

    private static final String ASSIGNMENT = "{assignment}";
    private static final String CLIENT = DemoUsers.CLIENT1.toString();

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    private String assignment;

    /** Once for the whole table: every case is refused, so nothing it sends changes this state. */
    @BeforeAll
    void aJournalTherapist1GaveClient1() {
        demoRoster(database);
        assignment = assign(web, "therapist1", DemoUsers.CLIENT1, JOURNAL).toString();
    }

    static Stream<Case> malformedRequests() {
        return Stream.of(
                MalformedInputs.endpoint(POST, "/api/v1/assignments", "therapist1",
                                "{\"clientId\":\"" + CLIENT + "\",\"templateId\":\"" + JOURNAL + "\",\"instructions\":\"After dinner.\","
                                        + "\"dueAt\":\"2030-03-04T18:00:00Z\",\"recurrence\":{\"frequency\":\"daily\","
                                        + "\"until\":\"2030-03-10T18:00:00Z\",\"timeZone\":\"Europe/Berlin\"}}")
                        .uuidField("clientId").uuidField("templateId").textField("instructions").instantField("dueAt")
                        .enumField("recurrence.frequency", "daily").instantField("recurrence.until")
                        .textField("recurrence.timeZone").uuidField("sessionId").body().cases(),
                MalformedInputs.endpoint(PUT, "/api/v1/assignments/{id}/draft", "client1", "{\"answers\":{\"moment\":\"Lunch\"}}")
                        .pathId("id", ASSIGNMENT).value("answers", "\"Lunch\"", "a string for an object")
                        .value("answers", "[]", "a list for an object")
                        .value("answers.moment", "\"a\\u0000b\"", "a NUL in an answer").body().cases(),
                MalformedInputs.endpoint(POST, "/api/v1/assignments/{id}/review", "therapist1", "{\"comment\":\"Well done.\"}")
                        .pathId("id", ASSIGNMENT).textField("comment").body().cases(),
                MalformedInputs.endpoint(POST, "/api/v1/assignments/{assignmentId}/submissions", "client1", "{\"answers\":{\"moment\":\"Lunch\"}}")
                        .pathId("assignmentId", ASSIGNMENT).value("answers", "\"Lunch\"", "a string for an object").body().cases(),
                MalformedInputs.endpoint(GET, "/api/v1/assignments/{assignmentId}/submissions", "client1", null).pathId("assignmentId", ASSIGNMENT).cases(),
                MalformedInputs.endpoint(GET, "/api/v1/assignments/{id}", "client1", null).pathId("id", ASSIGNMENT).cases(),
                MalformedInputs.endpoint(GET, "/api/v1/assignments", "therapist1", null)
                        .query("clientId=not-a-uuid", "clientId", "not a UUID").query("clientId=%20", "clientId", "a blank id")
                        .query("status=%00", "status", "a NUL").cases(),
                MalformedInputs.endpoint(GET, "/api/v1/measures", "therapist1", null)
                        .query("clientId=1-2-3-4-5", "clientId", "a short UUID")
                        .query("clientId=" + CLIENT + "&instrument=PHQ-10", "instrument", "an unknown instrument").cases(),
                MalformedInputs.endpoint(GET, "/api/v1/safety-alerts", "therapist1", null)
                        .query("clientId=x", "clientId", "not a UUID").cases(),
                MalformedInputs.endpoint(GET, "/api/v1/safety-alerts/{id}", "therapist1", null).pathId("id", CLIENT).cases(),
                MalformedInputs.endpoint(POST, "/api/v1/safety-alerts/{id}/acknowledge", "therapist1", null).pathId("id", CLIENT).cases(),
                MalformedInputs.endpoint(GET, "/api/v1/exercise-templates/{id}", "therapist1", null).pathId("id", JOURNAL.toString()).cases(),
                MalformedInputs.endpoint(POST, "/api/v1/exercise-templates", "therapist1", """
                                {"title":"Evening check","instructions":"Two minutes.",
                                 "questions":[{"type":"text","prompt":"What went well?","required":true,"maxLength":500}]}""")
                        .textField("title").textField("instructions").listField("questions")
                        .enumField("questions[0].type", "text").textField("questions[0].prompt")
                        .value("questions[0].required", "\"yes\"", "a string for a boolean")
                        .value("questions[0].required", "1", "a number for a boolean")
                        .integerField("questions[0].maxLength").body().cases()
        ).flatMap(List::stream);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequests")
    void isRefusedWithTheFieldNamed(Case malformed) {
        malformed.with(ASSIGNMENT, assignment).assertRefused(web, ExercisesFixtures::token);
    }
}
