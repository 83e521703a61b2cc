package org.teletherapy.notes;

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
import java.util.UUID;
import java.util.stream.Stream;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Every endpoint, sent what careless and hostile callers send: 400 with a problem naming the field or parameter,
 * never a 500. {@code {session}} is therapist1's completed session, {@code {note}} a draft note of it.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputTest {

    private static final String SESSION = "{session}";
    private static final String NOTE = "{note}";

    static Stream<Case> malformedRequests() {
        return Stream.of(
                MalformedInputs.endpoint(POST, "/api/v1/notes", "therapist1", """
                                {"sessionId":"{session}","kind":"progress","content":"Talked about sleep.",
                                 "structured":{"format":"soap","subjective":"Tired","plan":"Diary"}}""")
                        .uuidField("sessionId").textField("kind").textField("content").textField("structured.format")
                        .textField("structured.subjective").value("structured", "\"soap\"", "a string for an object")
                        .body().cases(),
                MalformedInputs.endpoint(PUT, "/api/v1/notes/{id}", "therapist1", "{\"content\":\"Revised.\",\"version\":1}")
                        .pathId("id", NOTE).textField("content").integerField("version").textField("kind").body().cases(),
                MalformedInputs.endpoint(POST, "/api/v1/notes/{id}/addenda", "therapist1", "{\"content\":\"Later.\"}")
                        .pathId("id", NOTE).textField("content").body().cases(),
                MalformedInputs.endpoint(GET, "/api/v1/notes/{id}", "therapist1", null).pathId("id", NOTE).cases(),
                MalformedInputs.endpoint(DELETE, "/api/v1/notes/{id}", "therapist1", null).pathId("id", NOTE).cases(),
                MalformedInputs.endpoint(POST, "/api/v1/notes/{id}/sign", "therapist1", null).pathId("id", NOTE).cases(),
                MalformedInputs.endpoint(GET, "/api/v1/notes/{id}/audit", "therapist1", null).pathId("id", NOTE).cases(),
                MalformedInputs.endpoint(GET, "/api/v1/notes/audit", "operator1", null)
                        .query("limit=0", "limit", "below the minimum").query("limit=1001", "limit", "above the maximum")
                        .query("limit=ten", "limit", "not a number").query("limit=1.5", "limit", "a fraction")
                        .query("after=-1", "after", "a negative sequence").cases(),
                MalformedInputs.endpoint(GET, "/api/v1/notes/audit/fhir", "operator1", null)
                        .query("limit=0", "limit", "below the minimum").query("after=x", "after", "not a number").cases(),
                MalformedInputs.endpoint(POST, "/api/v1/notes/erasures", "operator1",
                                "{\"clientId\":\"" + UUID.randomUUID() + "\",\"reason\":\"client-request\",\"reference\":\"DSR-1\"}")
                        .uuidField("clientId").textField("reason").textField("reference").body().cases()
        ).flatMap(List::stream);
    }

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    private UUID session;
    private UUID note;

    /** Once for the whole table: every case is refused, so nothing it sends changes this state. */
    @BeforeAll
    void aDraftNoteOnACompletedSessionOfTherapist1() {
        NotesFixture fixture = new NotesFixture(web, database);
        session = fixture.completedSession(DemoUsers.THERAPIST1, UUID.randomUUID());
        note = fixture.writeNote("therapist1", session, "progress", "Draft.");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequests")
    void isRefusedWithTheFieldNamed(Case malformed) {
        malformed.with(SESSION, session.toString()).with(NOTE, note.toString()).assertRefused(web, NotesFixture::token);
    }
}
