package org.teletherapy.notes.note;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.notes.NotesApiTestBase;
import org.teletherapy.testsupport.DemoUsers;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teletherapy.notes.NotesFixture.as;

/** The note life cycle through the API, with real tokens: who may do what, and every way a request can be wrong. */
class NotesApiTest extends NotesApiTestBase {

    @Test
    void theTherapistOfASessionWritesADraftAboutIt() {
        web.post().uri("/api/v1/notes").headers(as("therapist1"))
                .bodyValue(Map.of("sessionId", session, "kind", "progress", "content", "Reports better sleep."))
                .exchange()
                .expectStatus().isCreated()
                .expectHeader().valueMatches("Location", "/api/v1/notes/[0-9a-f-]{36}")
                .expectBody()
                .jsonPath("$.id").isNotEmpty()
                .jsonPath("$.sessionId").isEqualTo(session.toString())
                .jsonPath("$.clientId").isEqualTo(client.toString())
                .jsonPath("$.kind").isEqualTo("progress")
                .jsonPath("$.status").isEqualTo("draft")
                .jsonPath("$.version").isEqualTo(1)
                .jsonPath("$.content").doesNotExist();
    }

    @Test
    void theAuthorReadsTheNoteWithItsContentAndListsItWithout() {
        UUID note = fixture.writeNote("therapist1", session, "progress", "Reports better sleep.");

        web.get().uri("/api/v1/notes/{id}", note).headers(as("therapist1")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content").isEqualTo("Reports better sleep.")
                .jsonPath("$.authorId").isEqualTo(DemoUsers.THERAPIST1.toString())
                .jsonPath("$.addenda.length()").isEqualTo(0);
        web.get().uri("/api/v1/notes").headers(as("therapist1")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].id").isEqualTo(note.toString())
                .jsonPath("$[0].content").doesNotExist();
    }

    @Test
    void theListIsNewestFirstAndHoldsOnlyTheCallersNotes() {
        UUID older = fixture.writeNote("therapist1", session, "progress", "first");
        UUID newer = fixture.writeNote("therapist1", session, "psychotherapy", "second");
        UUID otherSession = fixture.completedSession(DemoUsers.THERAPIST2, UUID.randomUUID());
        UUID theirs = fixture.writeNote("therapist2", otherSession, "progress", "theirs");

        String list = web.get().uri("/api/v1/notes").headers(as("therapist1")).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(list).contains(older.toString(), newer.toString()).doesNotContain(theirs.toString());
        assertThat(list.indexOf(newer.toString())).isLessThan(list.indexOf(older.toString()));
    }

    @Test
    void progressNotesMayCarrySoapSections() {
        Map<String, Object> soap = Map.of("format", "soap", "subjective", "feels low", "objective", "flat affect",
                "assessment", "moderate", "plan", "behavioural activation");

        UUID note = create(Map.of("sessionId", session, "kind", "progress", "content", "Summary.", "structured", soap));

        web.get().uri("/api/v1/notes/{id}", note).headers(as("therapist1")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.format").isEqualTo("soap")
                .jsonPath("$.structured.subjective").isEqualTo("feels low")
                .jsonPath("$.structured.plan").isEqualTo("behavioural activation")
                .jsonPath("$.content").isEqualTo("Summary.");
    }

    @Test
    void psychotherapyNotesAreFreeTextOnly() {
        web.post().uri("/api/v1/notes").headers(as("therapist1"))
                .bodyValue(Map.of("sessionId", session, "kind", "psychotherapy", "content", "x",
                        "structured", Map.of("format", "dap", "data", "y")))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:structured-fields-progress-only");
    }

    @Test
    void sectionsMustFitTheirFormat() {
        web.post().uri("/api/v1/notes").headers(as("therapist1"))
                .bodyValue(Map.of("sessionId", session, "kind", "progress", "content", "x",
                        "structured", Map.of("format", "dap", "subjective", "y")))
                .exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:structured-fields-mismatch");
    }

    @Test
    void anotherTherapistGetsNotFoundForEverythingAboutANote() {
        UUID note = fixture.writeNote("therapist1", session, "progress", "private");

        for (String method : new String[]{"GET", "PUT", "DELETE", "SIGN", "ADDENDUM", "AUDIT"}) {
            WebTestClient.ResponseSpec response = switch (method) {
                case "GET" -> web.get().uri("/api/v1/notes/{id}", note).headers(as("therapist2")).exchange();
                case "PUT" -> web.put().uri("/api/v1/notes/{id}", note).headers(as("therapist2"))
                        .bodyValue(Map.of("content", "overwritten")).exchange();
                case "DELETE" -> web.delete().uri("/api/v1/notes/{id}", note).headers(as("therapist2")).exchange();
                case "SIGN" -> web.post().uri("/api/v1/notes/{id}/sign", note).headers(as("therapist2")).exchange();
                case "ADDENDUM" -> web.post().uri("/api/v1/notes/{id}/addenda", note).headers(as("therapist2"))
                        .bodyValue(Map.of("content", "x")).exchange();
                default -> web.get().uri("/api/v1/notes/{id}/audit", note).headers(as("therapist2")).exchange();
            };
            response.expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:note-not-found");
        }
        assertThat(fixture.auditEntries(note, "note.read", "not-found")).isEqualTo(1);
    }

    @Test
    void clientsNeverReadNotesAboutThemAndTheAttemptIsAudited() {
        UUID note = fixture.writeNote("therapist1", session, "psychotherapy", "process notes");

        web.get().uri("/api/v1/notes/{id}", note).headers(as("client1")).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.content").doesNotExist();
        web.get().uri("/api/v1/notes").headers(as("client1")).exchange().expectStatus().isForbidden();

        assertThat(fixture.auditEntries(note, "note.access", "denied")).isEqualTo(1);
    }

    @Test
    void aRefusedNoteWriteWithAnInvalidBodyIsRefusedAndAuditedLikeAValidOne() {
        UUID note = fixture.writeNote("therapist1", session, "progress", "draft");

        web.put().uri("/api/v1/notes/{id}", note).headers(as("client1"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"content\": [ ").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:forbidden");
        web.put().uri("/api/v1/notes/{id}", note).headers(as("operator1"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isForbidden();

        assertThat(fixture.auditEntries(note, "note.access", "denied")).isEqualTo(2);
    }

    @Test
    void operatorsNeverSeeClinicalContent() {
        UUID note = fixture.writeNote("therapist1", session, "progress", "clinical");

        web.get().uri("/api/v1/notes/{id}", note).headers(as("operator1")).exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/notes").headers(as("operator1")).exchange().expectStatus().isForbidden();
    }

    @Test
    void withoutATokenTheApiAnswersAnUnauthorizedProblem() {
        web.get().uri("/api/v1/notes").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aDraftIsEditedInNewVersions() {
        UUID note = fixture.writeNote("therapist1", session, "progress", "first thoughts");

        web.put().uri("/api/v1/notes/{id}", note).headers(as("therapist1"))
                .bodyValue(Map.of("content", "second thoughts", "version", 1)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo(2);

        web.get().uri("/api/v1/notes/{id}", note).headers(as("therapist1")).exchange()
                .expectBody().jsonPath("$.content").isEqualTo("second thoughts").jsonPath("$.version").isEqualTo(2);
    }

    @Test
    void anEditBasedOnAnOldVersionConflicts() {
        UUID note = fixture.writeNote("therapist1", session, "progress", "v1");
        web.put().uri("/api/v1/notes/{id}", note).headers(as("therapist1")).bodyValue(Map.of("content", "v2")).exchange()
                .expectStatus().isOk();

        web.put().uri("/api/v1/notes/{id}", note).headers(as("therapist1"))
                .bodyValue(Map.of("content", "based on v1", "version", 1)).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:teletherapy:problem:note-version-conflict")
                .jsonPath("$.currentVersion").isEqualTo(2);
    }

    @Test
    void aNoteKeepsItsKind() {
        UUID note = fixture.writeNote("therapist1", session, "psychotherapy", "process");

        web.put().uri("/api/v1/notes/{id}", note).headers(as("therapist1"))
                .bodyValue(Map.of("content", "now part of the record?", "kind", "progress")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:note-kind-fixed");
    }

    @Test
    void aSignedNoteIsLockedAndAmendedByAddenda() {
        UUID note = fixture.writeNote("therapist1", session, "progress", "final text");

        web.post().uri("/api/v1/notes/{id}/sign", note).headers(as("therapist1")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("signed").jsonPath("$.signedAt").isNotEmpty();

        web.put().uri("/api/v1/notes/{id}", note).headers(as("therapist1")).bodyValue(Map.of("content", "changed")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:note-signed");
        web.delete().uri("/api/v1/notes/{id}", note).headers(as("therapist1")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:note-signed");
        web.post().uri("/api/v1/notes/{id}/sign", note).headers(as("therapist1")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:note-already-signed");

        web.post().uri("/api/v1/notes/{id}/addenda", note).headers(as("therapist1"))
                .bodyValue(Map.of("content", "Correction: medication is 50 mg.")).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.authorId").isEqualTo(DemoUsers.THERAPIST1.toString())
                .jsonPath("$.createdAt").isNotEmpty();
        web.post().uri("/api/v1/notes/{id}/addenda", note).headers(as("therapist1"))
                .bodyValue(Map.of("content", "Second addendum.")).exchange()
                .expectStatus().isCreated();

        web.get().uri("/api/v1/notes/{id}", note).headers(as("therapist1")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.content").isEqualTo("final text")
                .jsonPath("$.addenda.length()").isEqualTo(2)
                .jsonPath("$.addenda[0].content").isEqualTo("Correction: medication is 50 mg.")
                .jsonPath("$.addenda[0].authorId").isEqualTo(DemoUsers.THERAPIST1.toString())
                .jsonPath("$.addenda[1].content").isEqualTo("Second addendum.");
    }

    @Test
    void theDatabaseItselfRefusesToChangeOrDeleteASignedNote() {
        UUID note = fixture.writeNote("therapist1", session, "progress", "final");
        fixture.sign("therapist1", note);

        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                database.sql("delete from note where id = :id").bind("id", note).then().block())
                .hasMessageContaining("signed note");
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                database.sql("update note set status = 'draft', signed_at = null where id = :id").bind("id", note).then().block())
                .hasMessageContaining("signed note");
    }

    @Test
    void addendaAmendSignedNotesOnly() {
        UUID note = fixture.writeNote("therapist1", session, "progress", "draft");

        web.post().uri("/api/v1/notes/{id}/addenda", note).headers(as("therapist1"))
                .bodyValue(Map.of("content", "too early")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:note-not-signed");
    }

    @Test
    void aDraftMayBeDeleted() {
        UUID note = fixture.writeNote("therapist1", session, "progress", "scratch");

        web.delete().uri("/api/v1/notes/{id}", note).headers(as("therapist1")).exchange().expectStatus().isNoContent();

        web.get().uri("/api/v1/notes/{id}", note).headers(as("therapist1")).exchange().expectStatus().isNotFound();
    }

    @Test
    void aSessionHasOneNoteOfEachKind() {
        UUID first = fixture.writeNote("therapist1", session, "progress", "one");

        web.post().uri("/api/v1/notes").headers(as("therapist1"))
                .bodyValue(Map.of("sessionId", session, "kind", "progress", "content", "two")).exchange()
                .expectStatus().isEqualTo(409)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:teletherapy:problem:note-exists")
                .jsonPath("$.noteId").isEqualTo(first.toString());
    }

    @Test
    void emptyContentIsAValidationProblem() {
        for (String content : new String[]{"", "   "}) {
            web.post().uri("/api/v1/notes").headers(as("therapist1"))
                    .bodyValue(Map.of("sessionId", session, "kind", "progress", "content", content)).exchange()
                    .expectStatus().isBadRequest()
                    .expectBody()
                    .jsonPath("$.type").isEqualTo("urn:teletherapy:problem:validation")
                    .jsonPath("$.errors[0].field").isEqualTo("content");
        }
        web.post().uri("/api/v1/notes").headers(as("therapist1"))
                .bodyValue(Map.of("sessionId", session, "kind", "progress")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("content");
    }

    @Test
    void anUnknownKindIsAValidationProblem() {
        web.post().uri("/api/v1/notes").headers(as("therapist1"))
                .bodyValue(Map.of("sessionId", session, "kind", "diary", "content", "x")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("kind");
    }

    @Test
    void oversizedContentIsRefusedWithItsLimit() {
        web.post().uri("/api/v1/notes").headers(as("therapist1"))
                .bodyValue(Map.of("sessionId", session, "kind", "progress", "content", "x".repeat(65_537))).exchange()
                .expectStatus().isEqualTo(413)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:teletherapy:problem:content-too-large")
                .jsonPath("$.maxBytes").isEqualTo(65_536);
        // The limit counts bytes: 30 000 three-byte characters are 90 000 bytes.
        web.post().uri("/api/v1/notes").headers(as("therapist1"))
                .bodyValue(Map.of("sessionId", session, "kind", "progress", "content", "€".repeat(30_000))).exchange()
                .expectStatus().isEqualTo(413);
        fixture.writeNote("therapist1", session, "progress", "x".repeat(65_536));
    }

    @Test
    void anUnknownSessionIsNamedAsSuch() {
        web.post().uri("/api/v1/notes").headers(as("therapist1"))
                .bodyValue(Map.of("sessionId", UUID.randomUUID(), "kind", "progress", "content", "x")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:unknown-session");
    }

    @Test
    void anotherTherapistsSessionIsAnsweredExactlyLikeAnUnknownOneAndAuditedAsDenied() {
        String theirsRequest = "oracle-theirs-" + UUID.randomUUID();
        Map<?, ?> theirs = refusedNote(session, theirsRequest);
        Map<?, ?> unknown = refusedNote(UUID.randomUUID(), "oracle-unknown-" + UUID.randomUUID());

        assertThat(theirs.get("type")).isEqualTo("urn:teletherapy:problem:unknown-session");
        assertThat(theirs).usingRecursiveComparison().ignoringFields("requestId").isEqualTo(unknown);
        assertThat(database.sql("select outcome from audit_entry where request_id = :request and activity = 'note.create'")
                .bind("request", theirsRequest)
                .map(row -> row.get(0, String.class)).all().collectList().block()).containsExactly("denied");
    }

    private Map<?, ?> refusedNote(UUID sessionId, String requestId) {
        return web.post().uri("/api/v1/notes").headers(as("therapist2")).header("X-Request-Id", requestId)
                .bodyValue(Map.of("sessionId", sessionId, "kind", "progress", "content", "x")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    @Test
    void malformedJsonIsABadRequestNotAServerError() {
        web.post().uri("/api/v1/notes").headers(as("therapist1")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"sessionId\": \"not-a-uuid\", \"kind\": ").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        web.get().uri("/api/v1/notes/not-a-uuid").headers(as("therapist1")).exchange()
                .expectStatus().isBadRequest();
    }

    private UUID create(Map<String, Object> body) {
        Map<?, ?> created = web.post().uri("/api/v1/notes").headers(as("therapist1")).bodyValue(new LinkedHashMap<>(body))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        return UUID.fromString(created.get("id").toString());
    }
}
