package org.teletherapy.notes.note;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.teletherapy.notes.NotesApiTestBase;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teletherapy.notes.NotesFixture.as;

/** Encryption at rest, checked where it matters: in the database, by reading and changing it directly. */
class NoteEncryptionTest extends NotesApiTestBase {

    @Test
    void theDatabaseNeverHoldsNoteTextInPlain() {
        String secret = "Hallucinations-" + UUID.randomUUID();
        UUID note = UUID.fromString(web.post().uri("/api/v1/notes").headers(as("therapist1"))
                .bodyValue(Map.of("sessionId", session, "kind", "progress", "content", secret + " content",
                        "structured", Map.of("format", "soap", "subjective", secret + " subjective",
                                "plan", secret + " plan")))
                .exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString());
        web.put().uri("/api/v1/notes/{id}", note).headers(as("therapist1"))
                .bodyValue(Map.of("content", secret + " revised")).exchange().expectStatus().isOk();
        fixture.sign("therapist1", note);
        web.post().uri("/api/v1/notes/{id}/addenda", note).headers(as("therapist1"))
                .bodyValue(Map.of("content", secret + " addendum")).exchange().expectStatus().isCreated();
        fixture.writeNote("therapist1", session, "psychotherapy", secret + " process notes");

        String hexOfSecret = HexFormat.of().formatHex(secret.getBytes(StandardCharsets.UTF_8));
        List<String> tables = database.sql("select table_schema || '.' || table_name as name from information_schema.tables "
                        + "where table_schema in ('public', 'eventing') and table_type = 'BASE TABLE'")
                .map(row -> row.get("name", String.class)).all().collectList().block();
        assertThat(tables).contains("public.note", "public.note_addendum", "public.audit_entry", "eventing.outbox_event");
        for (String table : tables) {
            List<String> rows = database.sql("select cast(t as text) as row from " + table + " t")
                    .map(row -> row.get("row", String.class)).all().collectList().block();
            assertThat(rows).as(table).noneMatch(row -> row.contains(secret) || row.toLowerCase().contains(hexOfSecret));
        }
        web.get().uri("/api/v1/notes/{id}", note).headers(as("therapist1")).exchange()
                .expectBody().jsonPath("$.content").isEqualTo(secret + " revised")
                .jsonPath("$.addenda[0].content").isEqualTo(secret + " addendum");
    }

    @Test
    void aChangedCiphertextByteFailsTheReadWithAProblemAndAnAuditEntry() {
        UUID note = fixture.writeNote("therapist1", session, "progress", "Panic attacks twice a week.");

        database.sql("update note set content_ciphertext = set_byte(content_ciphertext, 30, get_byte(content_ciphertext, 30) # 1) "
                + "where id = :id").bind("id", note).then().block();

        web.get().uri("/api/v1/notes/{id}", note).headers(as("therapist1")).exchange()
                .expectStatus().is5xxServerError()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:teletherapy:problem:note-integrity-failure")
                .jsonPath("$.content").doesNotExist();
        assertThat(fixture.auditEntries(note, "note.read", "integrity-failure")).isEqualTo(1);
    }

    @Test
    void theProblemOfATamperedNoteHoldsNoStackTraceAndNoText() {
        UUID note = fixture.writeNote("therapist1", session, "progress", "Sleeps four hours a night.");
        database.sql("update note set content_ciphertext = set_byte(content_ciphertext, 10, get_byte(content_ciphertext, 10) # 128) "
                + "where id = :id").bind("id", note).then().block();

        String body = web.get().uri("/api/v1/notes/{id}", note).headers(as("therapist1")).exchange()
                .expectStatus().isEqualTo(500)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).doesNotContain("Exception", "at org.", "Sleeps").contains("request id");
    }

    @Test
    void ciphertextMovedFromAnotherNoteIsDetected() {
        UUID progress = fixture.writeNote("therapist1", session, "progress", "progress text");
        UUID psychotherapy = fixture.writeNote("therapist1", session, "psychotherapy", "process text");

        database.sql("update note set content_ciphertext = (select content_ciphertext from note where id = :from) where id = :to")
                .bind("from", psychotherapy).bind("to", progress).then().block();

        web.get().uri("/api/v1/notes/{id}", progress).headers(as("therapist1")).exchange()
                .expectStatus().isEqualTo(500)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:note-integrity-failure");
        web.get().uri("/api/v1/notes/{id}", psychotherapy).headers(as("therapist1")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.content").isEqualTo("process text");
    }

    @Test
    void anOlderVersionReplayedIntoTheRowIsDetected() {
        UUID note = fixture.writeNote("therapist1", session, "progress", "first version");
        byte[] firstVersion = ciphertextOf(note);
        web.put().uri("/api/v1/notes/{id}", note).headers(as("therapist1"))
                .bodyValue(Map.of("content", "second version")).exchange().expectStatus().isOk();

        database.sql("update note set content_ciphertext = :old where id = :id")
                .bind("old", firstVersion).bind("id", note).then().block();

        web.get().uri("/api/v1/notes/{id}", note).headers(as("therapist1")).exchange()
                .expectStatus().isEqualTo(500)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:note-integrity-failure");
    }

    @Test
    void relabellingAPsychotherapyNoteAsAProgressNoteInTheDatabaseIsDetected() {
        UUID note = fixture.writeNote("therapist1", session, "psychotherapy", "process text");

        database.sql("update note set kind = 'progress' where id = :id").bind("id", note).then().block();

        web.get().uri("/api/v1/notes/{id}", note).headers(as("therapist1")).exchange()
                .expectStatus().isEqualTo(500)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:note-integrity-failure");
    }

    @Test
    void aTamperedNoteIsNotSigned() {
        UUID note = fixture.writeNote("therapist1", session, "progress", "to be signed");
        database.sql("update note set content_ciphertext = set_byte(content_ciphertext, 20, get_byte(content_ciphertext, 20) # 1) "
                + "where id = :id").bind("id", note).then().block();

        web.post().uri("/api/v1/notes/{id}/sign", note).headers(as("therapist1")).exchange()
                .expectStatus().isEqualTo(500)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:note-integrity-failure");

        String status = database.sql("select status from note where id = :id").bind("id", note)
                .map(row -> row.get("status", String.class)).one().block();
        assertThat(status).isEqualTo("draft");
        assertThat(fixture.auditEntries(note, "note.sign", "integrity-failure")).isEqualTo(1);
    }

    private byte[] ciphertextOf(UUID note) {
        return database.sql("select content_ciphertext from note where id = :id").bind("id", note)
                .map(row -> row.get("content_ciphertext", byte[].class)).one().block();
    }
}
