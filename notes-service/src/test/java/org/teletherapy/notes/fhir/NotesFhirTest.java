package org.teletherapy.notes.fhir;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.events.roster.RosterLinked;
import org.teletherapy.notes.NotesApiTestBase;
import org.teletherapy.testsupport.DemoUsers;
import org.teletherapy.testsupport.TestEvents;
import org.teletherapy.testsupport.fhir.FhirValidation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.teletherapy.notes.NotesFixture.as;

/**
 * The FHIR R4 searches of notes-service on real PostgreSQL, Kafka and Keycloak, checked by HAPI FHIR's validator:
 * signed progress notes as DocumentReferences for the client and the therapist who wrote them, never a psychotherapy
 * note or a draft; the audit as AuditEvents for operators only; and the client's own access log.
 */
class NotesFhirTest extends NotesApiTestBase {

    static final MediaType FHIR = MediaType.valueOf("application/fhir+json");
    static final String CLIENT1 = "Patient/" + DemoUsers.CLIENT1;
    static final JsonMapper JSON = JsonMapper.builder().build();

    UUID client1Session;

    @BeforeEach
    void client1HadASessionWithTherapist1AndIsOnTheirRoster() {
        linked(DemoUsers.THERAPIST1, DemoUsers.CLIENT1);
        client1Session = fixture.completedSession(DemoUsers.THERAPIST1, DemoUsers.CLIENT1);
    }

    @Test
    void signedProgressNotesAreValidDocumentReferencesAndPsychotherapyNotesAndDraftsNeverLeave() {
        String progressText = "Progress-" + UUID.randomUUID();
        String processText = "Process-" + UUID.randomUUID();
        String draftText = "Draft-" + UUID.randomUUID();
        UUID progress = fixture.writeNote("therapist1", client1Session, "progress", progressText);
        fixture.sign("therapist1", progress);
        web.post().uri("/api/v1/notes/{id}/addenda", progress).headers(as("therapist1"))
                .bodyValue(Map.of("content", "Addendum-text")).exchange().expectStatus().isCreated();
        UUID psychotherapy = fixture.writeNote("therapist1", client1Session, "psychotherapy", processText);
        fixture.sign("therapist1", psychotherapy);
        UUID draft = fixture.writeNote("therapist1",
                fixture.completedSession(DemoUsers.THERAPIST1, DemoUsers.CLIENT1), "progress", draftText);

        for (String reader : List.of("client1", "therapist1")) {
            String bundle = search("/fhir/r4/DocumentReference?patient=" + CLIENT1, reader).expectStatus().isOk()
                    .expectHeader().contentTypeCompatibleWith(FHIR)
                    .expectBody(String.class).returnResult().getResponseBody();

            System.out.println("DocumentReference searchset for " + reader + ", validator: "
                    + FhirValidation.assertValid(bundle));
            JsonNode note = resource(bundle, progress);
            assertThat(note.path("docStatus").asString()).isEqualTo("amended");
            assertThat(note.path("type").path("coding").get(0).path("code").asString()).isEqualTo("11506-3");
            assertThat(note.path("author").get(0).path("reference").asString()).isEqualTo("Practitioner/" + DemoUsers.THERAPIST1);
            String text = new String(Base64.getDecoder().decode(
                    note.path("content").get(0).path("attachment").path("data").asString()), StandardCharsets.UTF_8);
            assertThat(text).contains(progressText).contains("Addendum-text");
            List<String> everything = decodedTexts(bundle);
            assertThat(bundle).doesNotContain(psychotherapy.toString()).doesNotContain(draft.toString());
            assertThat(everything).noneMatch(decoded -> decoded.contains(processText) || decoded.contains(draftText));
        }
    }

    @Test
    void anotherTherapistFindsNothingAndAnUnlinkedTherapistNoLonger() {
        UUID progress = fixture.writeNote("therapist1", client1Session, "progress", "text");
        fixture.sign("therapist1", progress);

        search("/fhir/r4/DocumentReference?patient=" + CLIENT1, "therapist2").expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(FHIR)
                .expectBody().jsonPath("$.issue[0].code").isEqualTo("not-found");
        search("/fhir/r4/DocumentReference?patient=Patient/" + DemoUsers.CLIENT2, "client1").expectStatus().isNotFound();

        // A therapist's access ends with the roster link (this test's own client, so client1's link stays).
        UUID note = fixture.writeNote("therapist1", session, "progress", "text");
        fixture.sign("therapist1", note);
        linked(DemoUsers.THERAPIST1, client);
        search("/fhir/r4/DocumentReference?patient=Patient/" + client, "therapist1").expectStatus().isOk()
                .expectBody(String.class).value(bundle -> assertThat(bundle).contains(note.toString()));
        fixture.unlink(DemoUsers.THERAPIST1, client);
        search("/fhir/r4/DocumentReference?patient=Patient/" + client, "therapist1").expectStatus().isNotFound();
    }

    @Test
    void theOperatorReadsOnlyAuditEventsAndThoseAreValid() {
        UUID progress = fixture.writeNote("therapist1", client1Session, "progress", "Operator-must-not-see");

        long before = lastSequence();
        search("/fhir/r4/DocumentReference?patient=" + CLIENT1, "operator1").expectStatus().isForbidden()
                .expectBody().jsonPath("$.resourceType").isEqualTo("OperationOutcome");
        // The refusal is audited, as every failed access to notes is.
        assertThat(database.sql("select count(*) from audit_entry where sequence > :before and activity = 'note.export' "
                        + "and outcome = 'denied' and actor_id = :operator")
                .bind("before", before).bind("operator", DemoUsers.OPERATOR1)
                .map(row -> row.get(0, Long.class)).one().block()).isEqualTo(1L);
        String events = search("/fhir/r4/AuditEvent?_count=20&after=" + Math.max(0, lastSequence() - 5), "operator1")
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith(FHIR)
                .expectBody(String.class).returnResult().getResponseBody();
        System.out.println("AuditEvent searchset, validator: " + FhirValidation.assertValid(events));
        assertThat(events).contains("\"type\":\"searchset\"").contains(progress.toString())
                .doesNotContain("Operator-must-not-see");
        for (String other : List.of("client1", "therapist1")) {
            search("/fhir/r4/AuditEvent", other).expectStatus().isForbidden();
        }
        search("/fhir/r4/AuditEvent?_count=5000", "operator1").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.issue[0].code").isEqualTo("invalid");
        String metadata = web.get().uri("/fhir/r4/metadata").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        FhirValidation.assertValid(metadata);
        assertThat(metadata).contains("DocumentReference").contains("AuditEvent");
    }

    @Test
    void theClientsAccessLogShowsWhoTouchedTheirProgressNotesButNothingOfPsychotherapyNotes() {
        UUID progress = fixture.writeNote("therapist1", client1Session, "progress", "text");
        UUID psychotherapy = fixture.writeNote("therapist1", client1Session, "psychotherapy", "process");
        web.get().uri("/api/v1/notes/{id}", psychotherapy).headers(as("therapist1")).exchange().expectStatus().isOk();
        search("/fhir/r4/DocumentReference?patient=" + CLIENT1, "client1").expectStatus().isOk();

        String log = web.get().uri("/api/v1/notes/access-log").headers(as("client1")).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        List<JsonNode> entries = new ArrayList<>();
        JSON.readTree(log).forEach(entries::add);
        assertThat(entries).anySatisfy(entry -> {
            assertThat(entry.path("noteId").asString()).isEqualTo(progress.toString());
            assertThat(entry.path("activity").asString()).isEqualTo("note.create");
            assertThat(entry.path("actorRole").asString()).isEqualTo("therapist");
            assertThat(entry.path("actorId").asString()).isEqualTo(DemoUsers.THERAPIST1.toString());
        });
        assertThat(entries).anySatisfy(entry -> {
            assertThat(entry.path("activity").asString()).isEqualTo("note.export");
            assertThat(entry.path("you").asBoolean()).isTrue();
        });
        assertThat(log).doesNotContain(psychotherapy.toString());
        web.get().uri("/api/v1/notes/access-log").headers(as("therapist1")).exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/notes/access-log").headers(as("operator1")).exchange().expectStatus().isForbidden();
    }

    private void linked(UUID therapist, UUID client) {
        TestEvents.publish(new RosterLinked(client, therapist, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> Boolean.TRUE.equals(database
                .sql("select linked from caseload_roster where therapist_id = :t and client_id = :c")
                .bind("t", therapist).bind("c", client)
                .map(row -> row.get("linked", Boolean.class)).one().block()));
    }

    private WebTestClient.ResponseSpec search(String uri, String user) {
        return web.get().uri(uri).headers(as(user)).exchange();
    }

    private long lastSequence() {
        return database.sql("select last_sequence from audit_chain_head").map(row -> row.get(0, Long.class)).one().block();
    }

    private static JsonNode resource(String bundle, UUID id) {
        for (JsonNode entry : JSON.readTree(bundle).path("entry")) {
            if (entry.path("resource").path("id").asString().equals(id.toString())) {
                return entry.path("resource");
            }
        }
        throw new AssertionError("no resource " + id + " in the bundle");
    }

    private static List<String> decodedTexts(String bundle) {
        List<String> texts = new ArrayList<>();
        for (JsonNode entry : JSON.readTree(bundle).path("entry")) {
            for (JsonNode content : entry.path("resource").path("content")) {
                texts.add(new String(Base64.getDecoder().decode(content.path("attachment").path("data").asString()),
                        StandardCharsets.UTF_8));
            }
        }
        return texts;
    }
}
