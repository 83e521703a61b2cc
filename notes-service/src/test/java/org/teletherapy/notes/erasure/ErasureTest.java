package org.teletherapy.notes.erasure;

import org.junit.jupiter.api.Test;
import org.teletherapy.events.accounts.ClientErased;
import org.teletherapy.notes.NotesApiTestBase;
import org.teletherapy.testsupport.DemoUsers;
import org.teletherapy.testsupport.TestEvents;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.teletherapy.notes.NotesFixture.as;

/** Crypto-shredding: once a client's key is destroyed, their notes are gone for good, and that is on record. */
class ErasureTest extends NotesApiTestBase {

    @Test
    void anOperatorsErasureMakesTheClientsNotesGone() {
        UUID signed = fixture.writeNote("therapist1", session, "progress", "signed text");
        fixture.sign("therapist1", signed);
        UUID draft = fixture.writeNote("therapist1", session, "psychotherapy", "draft text");

        web.post().uri("/api/v1/notes/erasures").headers(as("operator1"))
                .bodyValue(Map.of("clientId", client, "reason", "client-request", "reference", "DSR-1042")).exchange()
                .expectStatus().isCreated()
                .expectBody()
                .jsonPath("$.clientId").isEqualTo(client.toString())
                .jsonPath("$.notesErased").isEqualTo(2)
                .jsonPath("$.alreadyErased").isEqualTo(false)
                .jsonPath("$.reason").isEqualTo("client-request");

        for (UUID note : new UUID[]{signed, draft}) {
            web.get().uri("/api/v1/notes/{id}", note).headers(as("therapist1")).exchange()
                    .expectStatus().isEqualTo(410)
                    .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:client-erased");
        }
        web.post().uri("/api/v1/notes/{id}/addenda", signed).headers(as("therapist1")).bodyValue(Map.of("content", "x"))
                .exchange().expectStatus().isEqualTo(410);
        web.put().uri("/api/v1/notes/{id}", draft).headers(as("therapist1")).bodyValue(Map.of("content", "x"))
                .exchange().expectStatus().isEqualTo(410);
        // Another therapist still learns nothing, not even that the note existed.
        web.get().uri("/api/v1/notes/{id}", signed).headers(as("therapist2")).exchange().expectStatus().isNotFound();
        // Signed notes are never deleted: the rows stay, unreadable.
        assertThat(count("select count(*) from note where client_id = :c")).isEqualTo(2);
        assertThat(count("select count(*) from crypto.client_keyset where subject_id = :c and wrapped_keyset is null "
                + "and destroyed_at is not null")).isEqualTo(1);
        assertThat(count("select count(*) from audit_entry where client_id = :c and activity = 'client.erase' "
                + "and action = 'E' and outcome = 'success' and actor_role = 'operator'")).isEqualTo(1);
        // Published through the outbox in the erasure's transaction: ids and a count only.
        assertThat(count("select count(*) from eventing.outbox_event where event_type = 'notes.erased' "
                + "and event_key = cast(:c as text) and convert_from(payload, 'UTF8') not like '%text%'")).isEqualTo(1);
        web.get().uri("/api/v1/notes").headers(as("therapist1")).exchange()
                .expectBody().jsonPath("$[?(@.id == '" + signed + "')].erased").isEqualTo(true);
    }

    @Test
    void aNoteIsGoneForItsAuthorAfterTheWholeErasureWhichUnlinksTheClientFirst() {
        UUID note = fixture.writeNote("therapist1", session, "progress", "text");

        // As sessions-service erases: the roster link goes first, then client.erased.
        fixture.unlink(DemoUsers.THERAPIST1, client);
        TestEvents.publish(new ClientErased(client, Instant.now()));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                web.get().uri("/api/v1/notes/{id}", note).headers(as("therapist1")).exchange().expectStatus().isEqualTo(410)
                        .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:client-erased"));
    }

    @Test
    void nothingNewIsWrittenAboutAnErasedClient() {
        erase();
        UUID laterSession = fixture.completedSession(DemoUsers.THERAPIST1, client);

        web.post().uri("/api/v1/notes").headers(as("therapist1"))
                .bodyValue(Map.of("sessionId", laterSession, "kind", "progress", "content", "x")).exchange()
                .expectStatus().isEqualTo(410)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:client-erased");
        web.get().uri("/api/v1/notes/due").headers(as("therapist1")).exchange()
                .expectBody(String.class).value(due -> assertThat(due).doesNotContain(client.toString()));
    }

    @Test
    void aRepeatedErasureChangesNothing() {
        erase();

        web.post().uri("/api/v1/notes/erasures").headers(as("operator1"))
                .bodyValue(Map.of("clientId", client, "reason", "legal-obligation")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.alreadyErased").isEqualTo(true).jsonPath("$.reason").isEqualTo("client-request");
    }

    @Test
    void theAccountErasureEventOfSessionsServiceErasesTheNotesToo() {
        UUID note = fixture.writeNote("therapist1", session, "progress", "text");

        UUID eventId = TestEvents.publish(new ClientErased(client, Instant.now()));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                web.get().uri("/api/v1/notes/{id}", note).headers(as("therapist1")).exchange().expectStatus().isEqualTo(410));
        assertThat(count("select count(*) from audit_entry where client_id = :c and activity = 'client.erase' "
                + "and actor_role = 'system' and actor_id is null and request_id = 'event:" + eventId + "'")).isEqualTo(1);
        assertThat(count("select count(*) from client_erasure where client_id = :c and requested_via = 'client.erased' "
                + "and reason = 'account-erased'")).isEqualTo(1);
    }

    @Test
    void onlyOperatorsEraseAndOnlyWithAKnownReason() {
        web.post().uri("/api/v1/notes/erasures").headers(as("therapist1"))
                .bodyValue(Map.of("clientId", client, "reason", "client-request")).exchange()
                .expectStatus().isForbidden();
        web.post().uri("/api/v1/notes/erasures").headers(as("operator1"))
                .bodyValue(Map.of("clientId", client, "reason", "the client told me about their divorce")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        assertThat(count("select count(*) from client_erasure where client_id = :c")).isZero();
    }

    @Test
    void thePlatformErasureKeepsNotesSignedWithinTheRetentionPeriodAndSaysWhy() {
        // The tests' deployment keeps signed notes ten years (config/application.yml).
        UUID signed = fixture.writeNote("therapist1", session, "progress", "signed text");
        fixture.sign("therapist1", signed);

        TestEvents.publish(new ClientErased(client, Instant.now()));

        await().atMost(Duration.ofSeconds(60)).until(() -> partDone("refused") == 1);
        assertThat(count("""
                select count(*) from eventing.outbox_event
                 where event_type = 'erasure.part-done' and topic = 'teletherapy.erasure.v1' and event_key = cast(:c as text)
                   and convert_from(payload, 'UTF8')::jsonb ->> 'part' = 'notes'
                   and convert_from(payload, 'UTF8')::jsonb ->> 'reasonCode' = 'retention-period'""")).isEqualTo(1);
        // Kept: the key, the record of no erasure, and the author can still read the note.
        assertThat(count("select count(*) from crypto.client_keyset where subject_id = :c and wrapped_keyset is not null "
                + "and destroyed_at is null")).isEqualTo(1);
        assertThat(count("select count(*) from client_erasure where client_id = :c")).isZero();
        web.get().uri("/api/v1/notes/{id}", signed).headers(as("therapist1")).exchange().expectStatus().isOk();
        assertThat(partDone("done")).isZero();
        // The relay published the refusal.
        await().atMost(Duration.ofSeconds(30)).until(() -> count("""
                select count(*) from eventing.outbox_event where event_type = 'erasure.part-done'
                   and event_key = cast(:c as text) and sent_at is not null""") == 1);
    }

    @Test
    void thePlatformErasureConfirmsTheNotesPartAndARedeliveryChangesNothing() {
        UUID draft = fixture.writeNote("therapist1", session, "psychotherapy", "draft text");
        ClientErased erased = new ClientErased(client, Instant.now());
        UUID eventId = UUID.randomUUID();

        TestEvents.publish(erased, eventId);
        TestEvents.publish(erased, eventId);

        await().atMost(Duration.ofSeconds(60)).until(() -> partDone("done") == 1);
        web.get().uri("/api/v1/notes/{id}", draft).headers(as("therapist1")).exchange().expectStatus().isEqualTo(410);
        // The same event again is a duplicate: after a later marker event, still one confirmation and one erasure.
        UUID marker = UUID.randomUUID();
        TestEvents.publish(new ClientErased(marker, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> database.sql("""
                        select count(*) from eventing.outbox_event where event_type = 'erasure.part-done'
                           and event_key = cast(:m as text)""")
                .bind("m", marker).map(row -> row.get(0, Long.class)).one().block() == 1);
        assertThat(partDone("done")).isEqualTo(1);
        assertThat(count("select count(*) from eventing.outbox_event where event_type = 'notes.erased' "
                + "and event_key = cast(:c as text)")).isEqualTo(1);
        assertThat(count("select count(*) from eventing.outbox_event where event_type = 'erasure.part-done' "
                + "and event_key = cast(:c as text) and convert_from(payload, 'UTF8') like '%text%'")).isZero();

        // A new client.erased for the same client (a saga run again) hears the same answer, and nothing is erased twice.
        TestEvents.publish(new ClientErased(client, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> partDone("done") == 2);
        assertThat(count("select count(*) from client_erasure where client_id = :c")).isEqualTo(1);
        assertThat(partDone("refused")).isZero();
    }

    @Test
    void anOperatorsErasureIsNotHeldBackByTheRetentionRuleAndConfirmsTheNotesPart() {
        UUID signed = fixture.writeNote("therapist1", session, "progress", "signed text");
        fixture.sign("therapist1", signed);

        web.post().uri("/api/v1/notes/erasures").headers(as("operator1"))
                .bodyValue(Map.of("clientId", client, "reason", "retention-expired", "reference", "DSR-7")).exchange()
                .expectStatus().isCreated();

        web.get().uri("/api/v1/notes/{id}", signed).headers(as("therapist1")).exchange().expectStatus().isEqualTo(410);
        assertThat(partDone("done")).isEqualTo(1);
    }

    /** The notes part's confirmations of this test's client with this outcome, in the outbox. */
    private long partDone(String outcome) {
        return database.sql("""
                        select count(*) from eventing.outbox_event
                         where event_type = 'erasure.part-done' and event_key = cast(:c as text)
                           and convert_from(payload, 'UTF8')::jsonb ->> 'part' = 'notes'
                           and convert_from(payload, 'UTF8')::jsonb ->> 'outcome' = :outcome""")
                .bind("c", client).bind("outcome", outcome).map(row -> row.get(0, Long.class)).one().block();
    }

    private void erase() {
        web.post().uri("/api/v1/notes/erasures").headers(as("operator1"))
                .bodyValue(Map.of("clientId", client, "reason", "client-request")).exchange()
                .expectStatus().isCreated();
    }

    private long count(String sql) {
        return database.sql(sql).bind("c", client).map(row -> row.get(0, Long.class)).one().block();
    }
}
