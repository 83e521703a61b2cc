package org.teletherapy.notes.audit;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.notes.NotesApiTestBase;
import org.teletherapy.notes.NotesFixture;
import org.teletherapy.testsupport.DemoUsers;
import reactor.core.publisher.Flux;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.teletherapy.notes.NotesFixture.as;

/**
 * The access audit: what gets recorded, who sees it, and that a change to the table behind the service's back is
 * found. Tests that break the chain repair it before they end, so the chain stays valid for every other test.
 */
class AuditTrailTest extends NotesApiTestBase {

    @Test
    void everyStepOfANotesLifeIsRecordedWithWhoWhatAndTheRequestId() {
        UUID note = UUID.fromString(web.post().uri("/api/v1/notes").headers(as("therapist1"))
                .header("X-Request-Id", "req-create-1")
                .bodyValue(Map.of("sessionId", session, "kind", "progress", "content", "text")).exchange()
                .expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id").toString());
        web.get().uri("/api/v1/notes/{id}", note).headers(as("therapist1")).header("X-Request-Id", "req-read-1").exchange()
                .expectStatus().isOk();
        web.put().uri("/api/v1/notes/{id}", note).headers(as("therapist1")).bodyValue(Map.of("content", "v2")).exchange()
                .expectStatus().isOk();
        fixture.sign("therapist1", note);
        web.post().uri("/api/v1/notes/{id}/addenda", note).headers(as("therapist1")).bodyValue(Map.of("content", "more"))
                .exchange().expectStatus().isCreated();
        web.get().uri("/api/v1/notes/{id}", note).headers(as("therapist2")).exchange().expectStatus().isNotFound();
        web.get().uri("/api/v1/notes/{id}", note).headers(as("client1")).exchange().expectStatus().isForbidden();

        List<AuditEntry> entries = entriesOf(note);

        assertThat(entries).extracting(AuditEntry::activity, AuditEntry::action, AuditEntry::outcome).containsExactly(
                tuple("note.create", "C", "success"),
                tuple("note.read", "R", "success"),
                tuple("note.update", "U", "success"),
                tuple("note.sign", "U", "success"),
                tuple("note.addendum", "C", "success"),
                tuple("note.read", "R", "not-found"),
                tuple("note.access", "R", "denied"));
        assertThat(entries.get(0).requestId()).isEqualTo("req-create-1");
        assertThat(entries.get(1).requestId()).isEqualTo("req-read-1");
        assertThat(entries.get(0).actorId()).isEqualTo(DemoUsers.THERAPIST1);
        assertThat(entries.get(0).actorRole()).isEqualTo("therapist");
        assertThat(entries.get(0).clientId()).isEqualTo(client);
        assertThat(entries.get(5).actorId()).isEqualTo(DemoUsers.THERAPIST2);
        assertThat(entries.get(6).actorId()).isEqualTo(DemoUsers.CLIENT1);
        assertThat(entries.get(6).actorRole()).isEqualTo("client");
        assertThat(entries).allSatisfy(entry -> assertThat(entry.occurredAt()).isBefore(Instant.now()));
    }

    @Test
    void theAuthorSeesWhoAccessedTheirNote() {
        UUID note = fixture.writeNote("therapist1", session, "progress", "text");
        web.get().uri("/api/v1/notes/{id}", note).headers(as("therapist2")).exchange().expectStatus().isNotFound();

        web.get().uri("/api/v1/notes/{id}/audit", note).headers(as("therapist1")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[0].activity").isEqualTo("note.create")
                .jsonPath("$[1].actorId").isEqualTo(DemoUsers.THERAPIST2.toString())
                .jsonPath("$[1].outcome").isEqualTo("not-found")
                .jsonPath("$[1].hash").isNotEmpty();
    }

    @Test
    void operatorsSeeAuditMetadataButNoContent() {
        String text = "Unique-" + UUID.randomUUID();
        UUID note = fixture.writeNote("therapist1", session, "progress", text);
        long before = lastSequence() - 1;

        String page = web.get().uri("/api/v1/notes/audit?after={after}&limit=50", before).headers(as("operator1")).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(page).contains(note.toString()).contains("note.create").doesNotContain(text);
        web.get().uri("/api/v1/notes/audit").headers(as("therapist1")).exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/notes/audit/verification").headers(as("client1")).exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/notes/audit?limit=5000").headers(as("operator1")).exchange().expectStatus().isBadRequest();
    }

    @Test
    void theTrailExportsAsFhirAuditEvents() {
        UUID note = fixture.writeNote("therapist1", session, "progress", "text");
        long sequence = lastSequence();

        web.get().uri("/api/v1/notes/audit/fhir?after={after}&limit=1", sequence - 1).headers(as("operator1"))
                .accept(MediaType.valueOf("application/fhir+json")).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.valueOf("application/fhir+json"))
                .expectBody()
                .jsonPath("$.resourceType").isEqualTo("Bundle")
                .jsonPath("$.type").isEqualTo("collection")
                .jsonPath("$.entry[0].resource.resourceType").isEqualTo("AuditEvent")
                .jsonPath("$.entry[0].resource.action").isEqualTo("C")
                .jsonPath("$.entry[0].resource.outcome").isEqualTo("0")
                .jsonPath("$.entry[0].resource.recorded").isNotEmpty()
                .jsonPath("$.entry[0].resource.type.code").isEqualTo("rest")
                .jsonPath("$.entry[0].resource.agent[0].who.identifier.value").isEqualTo(DemoUsers.THERAPIST1.toString())
                .jsonPath("$.entry[0].resource.agent[0].requestor").isEqualTo(true)
                .jsonPath("$.entry[0].resource.source.observer.display").isEqualTo("notes-service")
                .jsonPath("$.entry[0].resource.entity[0].what.identifier.value").isEqualTo(note.toString())
                .jsonPath("$.entry[0].resource.entity[1].role.code").isEqualTo("1");
    }

    @Test
    void theChainVerifies() {
        fixture.writeNote("therapist1", session, "progress", "text");

        verification().expectBody()
                .jsonPath("$.valid").isEqualTo(true)
                .jsonPath("$.entries").value(entries -> assertThat(((Number) entries).longValue()).isPositive())
                .jsonPath("$.firstBrokenSequence").doesNotExist();
    }

    @Test
    void anEditedEntryIsFoundAndNamed() {
        UUID note = fixture.writeNote("therapist1", session, "progress", "text");
        AuditEntry created = entriesOf(note).get(0);

        withAppendOnlyTriggerOff(() -> database.sql("update audit_entry set actor_id = :someoneElse where sequence = :s")
                .bind("someoneElse", DemoUsers.THERAPIST2).bind("s", created.sequence()).then().block());
        try {
            verification().expectBody()
                    .jsonPath("$.valid").isEqualTo(false)
                    .jsonPath("$.firstBrokenSequence").isEqualTo(created.sequence())
                    .jsonPath("$.firstBrokenEntryId").isEqualTo(created.id().toString())
                    .jsonPath("$.problem").isEqualTo("hash-mismatch");
        } finally {
            withAppendOnlyTriggerOff(() -> database.sql("update audit_entry set actor_id = :author where sequence = :s")
                    .bind("author", DemoUsers.THERAPIST1).bind("s", created.sequence()).then().block());
        }
        verification().expectBody().jsonPath("$.valid").isEqualTo(true);
    }

    @Test
    void aDeletedEntryIsFoundAndNamed() {
        UUID note = fixture.writeNote("therapist1", session, "progress", "text");
        web.get().uri("/api/v1/notes/{id}", note).headers(as("therapist1")).exchange().expectStatus().isOk();
        AuditEntry created = entriesOf(note).get(0);

        withAppendOnlyTriggerOff(() -> database.sql("delete from audit_entry where sequence = :s")
                .bind("s", created.sequence()).then().block());
        try {
            verification().expectBody()
                    .jsonPath("$.valid").isEqualTo(false)
                    .jsonPath("$.firstBrokenSequence").isEqualTo(created.sequence())
                    .jsonPath("$.problem").isEqualTo("missing-entry");
        } finally {
            restore(created);
        }
        verification().expectBody().jsonPath("$.valid").isEqualTo(true);
    }

    @Test
    void aDeletedLastEntryIsFoundThroughTheChainHead() {
        UUID note = fixture.writeNote("therapist1", session, "progress", "text");
        AuditEntry last = entriesOf(note).get(0);
        assertThat(last.sequence()).isEqualTo(lastSequence());

        withAppendOnlyTriggerOff(() -> database.sql("delete from audit_entry where sequence = :s")
                .bind("s", last.sequence()).then().block());
        try {
            verification().expectBody()
                    .jsonPath("$.valid").isEqualTo(false)
                    .jsonPath("$.firstBrokenSequence").isEqualTo(last.sequence());
        } finally {
            restore(last);
        }
        verification().expectBody().jsonPath("$.valid").isEqualTo(true);
    }

    @Test
    void anEntrySlippedInAroundTheSealingIsFound() {
        UUID forged = UUID.randomUUID();
        withAppendOnlyTriggerOff(() -> database.sql("insert into audit_entry (id, occurred_at, actor_role, action, activity, outcome) "
                + "values (:id, now(), 'therapist', 'R', 'note.read', 'success')").bind("id", forged).then().block());
        try {
            verification().expectBody()
                    .jsonPath("$.valid").isEqualTo(false)
                    .jsonPath("$.firstBrokenEntryId").isEqualTo(forged.toString())
                    .jsonPath("$.problem").isEqualTo("unsealed-entry");
        } finally {
            withAppendOnlyTriggerOff(() -> database.sql("delete from audit_entry where id = :id").bind("id", forged).then().block());
        }
        verification().expectBody().jsonPath("$.valid").isEqualTo(true);
    }

    @Test
    void theTableRefusesChangesAndDeletionsWhileItsTriggerStands() {
        UUID note = fixture.writeNote("therapist1", session, "progress", "text");
        long sequence = entriesOf(note).get(0).sequence();

        assertThatThrownBy(() -> database.sql("update audit_entry set outcome = 'denied' where sequence = :s")
                .bind("s", sequence).then().block()).hasMessageContaining("append-only");
        assertThatThrownBy(() -> database.sql("delete from audit_entry where sequence = :s")
                .bind("s", sequence).then().block()).hasMessageContaining("append-only");
    }

    @Test
    void concurrentAccessesLineUpInOneUnbrokenChain() {
        UUID note = fixture.writeNote("therapist1", session, "progress", "text");
        String token = NotesFixture.token("therapist1");

        Flux.range(0, 40)
                .flatMap(i -> web.get().uri("/api/v1/notes/{id}", note).headers(h -> h.setBearerAuth(token))
                        .exchange().returnResult(String.class).getResponseBody().then(), 20)
                .blockLast();

        assertThat(entriesOf(note)).hasSize(41);
        verification().expectBody().jsonPath("$.valid").isEqualTo(true);
    }

    private WebTestClient.ResponseSpec verification() {
        return web.get().uri("/api/v1/notes/audit/verification").headers(as("operator1")).exchange().expectStatus().isOk();
    }

    private List<AuditEntry> entriesOf(UUID note) {
        return database.sql("select " + AuditTrail.COLUMNS + " from audit_entry where note_id = :note order by sequence")
                .bind("note", note).map(AuditTrail::entry).all().collectList().block();
    }

    private long lastSequence() {
        return database.sql("select last_sequence from audit_chain_head").map(row -> row.get(0, Long.class)).one().block();
    }

    /**
     * Plays the attacker with database access: the service's own role owns the table and may switch its triggers off
     * (the append-only guard, and the sealing, which would otherwise re-seal a restored entry under a new number).
     */
    private void withAppendOnlyTriggerOff(Runnable change) {
        database.sql("alter table audit_entry disable trigger user").then().block();
        try {
            change.run();
        } finally {
            database.sql("alter table audit_entry enable trigger user").then().block();
        }
    }

    private void restore(AuditEntry entry) {
        DatabaseClient.GenericExecuteSpec insert = database.sql("insert into audit_entry (" + AuditTrail.COLUMNS + ") values "
                        + "(:sequence, :id, :occurredAt, :actorId, :actorRole, :action, :activity, :noteId, :clientId, "
                        + ":outcome, :requestId, :previousHash, :hash)")
                .bind("sequence", entry.sequence()).bind("id", entry.id()).bind("occurredAt", entry.occurredAt())
                .bind("actorId", entry.actorId()).bind("actorRole", entry.actorRole()).bind("action", entry.action())
                .bind("activity", entry.activity()).bind("noteId", entry.noteId()).bind("clientId", entry.clientId())
                .bind("outcome", entry.outcome()).bind("previousHash", entry.previousHash()).bind("hash", entry.hash());
        DatabaseClient.GenericExecuteSpec restored = insert.bind("requestId", Parameter.fromOrEmpty(entry.requestId(), String.class));
        withAppendOnlyTriggerOff(() -> restored.then().block());
    }
}
