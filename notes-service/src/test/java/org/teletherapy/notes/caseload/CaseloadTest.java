package org.teletherapy.notes.caseload;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.events.roster.RosterLinked;
import org.teletherapy.events.sessions.Actor;
import org.teletherapy.events.sessions.CancellationReason;
import org.teletherapy.events.sessions.SessionBooked;
import org.teletherapy.events.sessions.SessionCancelled;
import org.teletherapy.events.sessions.SessionRescheduled;
import org.teletherapy.notes.NotesFixture;
import org.teletherapy.testsupport.DemoUsers;
import org.teletherapy.testsupport.IntegrationTest;
import org.teletherapy.testsupport.TestEvents;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.teletherapy.notes.NotesFixture.as;

/** The local copy of sessions and roster, fed by sessions-service's events, and what it decides. */
@IntegrationTest
class CaseloadTest {

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    NotesFixture fixture;
    UUID client;

    @BeforeEach
    void fixture() {
        fixture = new NotesFixture(web, database);
        client = UUID.randomUUID();
    }

    @Test
    void aCompletedSessionIsDueUntilItHasAProgressNote() {
        UUID session = fixture.completedSession(DemoUsers.THERAPIST1, client);

        assertThat(due("therapist1")).contains(session.toString());
        assertThat(due("therapist2")).doesNotContain(session.toString());

        fixture.writeNote("therapist1", session, "psychotherapy", "process notes are no documentation");
        assertThat(due("therapist1")).as("psychotherapy notes stay out of the record").contains(session.toString());

        fixture.writeNote("therapist1", session, "progress", "documented");
        assertThat(due("therapist1")).doesNotContain(session.toString());
    }

    @Test
    void aCancelledSessionGetsNoNote() {
        UUID session = UUID.randomUUID();
        Instant start = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        TestEvents.publish(new SessionBooked(session, client, DemoUsers.THERAPIST1, start, start.plus(Duration.ofHours(1)),
                Instant.now()));
        TestEvents.publish(new SessionCancelled(session, client, DemoUsers.THERAPIST1, start, Actor.CLIENT,
                CancellationReason.ILLNESS, false, Instant.now()));
        fixture.awaitSession(session, "cancelled");

        web.post().uri("/api/v1/notes").headers(as("therapist1"))
                .bodyValue(Map.of("sessionId", session, "kind", "progress", "content", "x")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:session-not-held");
    }

    @Test
    void aRescheduledSessionMovesToItsNewId() {
        UUID original = UUID.randomUUID();
        UUID moved = UUID.randomUUID();
        Instant start = Instant.now().plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS);
        TestEvents.publish(new SessionBooked(original, client, DemoUsers.THERAPIST1, start, start.plus(Duration.ofHours(1)),
                Instant.now()));
        TestEvents.publish(new SessionRescheduled(moved, original, client, DemoUsers.THERAPIST1, start,
                start.plus(Duration.ofDays(1)), start.plus(Duration.ofDays(1)).plus(Duration.ofHours(1)), Actor.THERAPIST,
                Instant.now()));

        fixture.awaitSession(moved, "booked");
        fixture.awaitSession(original, "rescheduled");
    }

    @Test
    void aTherapistUnlinkedFromAClientLosesAccessToTheirNotesUntilLinkedAgain() {
        UUID session = fixture.completedSession(DemoUsers.THERAPIST1, client);
        UUID note = fixture.writeNote("therapist1", session, "progress", "before the unlink");
        UUID laterSession = fixture.completedSession(DemoUsers.THERAPIST1, client);

        fixture.unlink(DemoUsers.THERAPIST1, client);

        web.get().uri("/api/v1/notes/{id}", note).headers(as("therapist1")).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:client-not-on-caseload");
        web.post().uri("/api/v1/notes").headers(as("therapist1"))
                .bodyValue(Map.of("sessionId", laterSession, "kind", "progress", "content", "x")).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:client-not-on-caseload");
        assertThat(due("therapist1")).doesNotContain(laterSession.toString());

        TestEvents.publish(new RosterLinked(client, DemoUsers.THERAPIST1, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                web.get().uri("/api/v1/notes/{id}", note).headers(as("therapist1")).exchange().expectStatus().isOk());
    }

    @Test
    void onlyTherapistsHaveNotesDue() {
        web.get().uri("/api/v1/notes/due").headers(as("client1")).exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/notes/due").headers(as("operator1")).exchange().expectStatus().isForbidden();
    }

    private String due(String therapist) {
        return web.get().uri("/api/v1/notes/due").headers(as(therapist)).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }
}
