package org.teletherapy.notes;

import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.events.roster.RosterUnlinked;
import org.teletherapy.events.sessions.SessionCompleted;
import org.teletherapy.testsupport.Infrastructure;
import org.teletherapy.testsupport.TestEvents;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import static org.awaitility.Awaitility.await;

/**
 * What the notes tests share: real tokens (reused for a minute, Keycloak's tokens live five), sessions fed in as
 * sessions-service's events, and notes written through the API.
 */
public final class NotesFixture {

    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

    private final WebTestClient web;
    private final DatabaseClient database;

    public NotesFixture(WebTestClient web, DatabaseClient database) {
        this.web = web;
        this.database = database;
    }

    private record Token(String value, Instant fetchedAt) {
    }

    public static String token(String user) {
        Token token = TOKENS.compute(user, (name, cached) -> cached != null
                && cached.fetchedAt().isAfter(Instant.now().minus(Duration.ofMinutes(1))) ? cached
                : new Token(Infrastructure.shared().keycloak().accessToken(name), Instant.now()));
        return token.value();
    }

    public static Consumer<HttpHeaders> as(String user) {
        return headers -> headers.setBearerAuth(token(user));
    }

    /** A session of the therapist with the client that took place, known to notes-service once this returns. */
    public UUID completedSession(UUID therapist, UUID client) {
        UUID session = UUID.randomUUID();
        Instant start = Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.SECONDS);
        TestEvents.publish(new SessionCompleted(session, client, therapist, start, start.plus(Duration.ofMinutes(50)),
                Instant.now()));
        awaitSession(session, "completed");
        return session;
    }

    public void awaitSession(UUID session, String status) {
        await().atMost(Duration.ofSeconds(60)).until(() -> status.equals(database
                .sql("select status from caseload_session where id = :id").bind("id", session)
                .map(row -> row.get("status", String.class)).one().block()));
    }

    public void unlink(UUID therapist, UUID client) {
        TestEvents.publish(new RosterUnlinked(client, therapist, Instant.now()));
        await().atMost(Duration.ofSeconds(60)).until(() -> Boolean.FALSE.equals(database
                .sql("select linked from caseload_roster where therapist_id = :t and client_id = :c")
                .bind("t", therapist).bind("c", client)
                .map(row -> row.get("linked", Boolean.class)).one().block()));
    }

    /** Writes a note through the API and returns its id. */
    public UUID writeNote(String therapist, UUID session, String kind, String content) {
        return UUID.fromString(web.post().uri("/api/v1/notes").headers(as(therapist))
                .bodyValue(Map.of("sessionId", session, "kind", kind, "content", content))
                .exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString());
    }

    public void sign(String therapist, UUID note) {
        web.post().uri("/api/v1/notes/{id}/sign", note).headers(as(therapist)).exchange().expectStatus().isOk();
    }

    public long auditEntries(UUID note, String activity, String outcome) {
        return database.sql("select count(*) from audit_entry where note_id = :note and activity = :activity and outcome = :outcome")
                .bind("note", note).bind("activity", activity).bind("outcome", outcome)
                .map(row -> row.get(0, Long.class)).one().block();
    }
}
