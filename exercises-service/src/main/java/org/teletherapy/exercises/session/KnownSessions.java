package org.teletherapy.exercises.session;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.teletherapy.events.sessions.SessionBooked;
import org.teletherapy.events.sessions.SessionCancelled;
import org.teletherapy.events.sessions.SessionCompleted;
import org.teletherapy.events.sessions.SessionNoShow;
import org.teletherapy.events.sessions.SessionRescheduled;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.UUID;

/**
 * The sessions sessions-service announced ({@code session.*} events): who met whom and whether it is still booked,
 * took place or will not. Homework is linked only to a session known here between its therapist and its client.
 * The events of one client arrive in order (their id is the record key), so each new state replaces the last.
 */
@Service
public class KnownSessions {

    public enum Status {
        BOOKED, COMPLETED, CANCELLED, NOSHOW;

        String code() {
            return name().toLowerCase();
        }

        static Status of(String code) {
            return valueOf(code.toUpperCase());
        }
    }

    public record KnownSession(UUID id, UUID clientId, UUID therapistId, Status status) {
    }

    private final DatabaseClient database;

    KnownSessions(DatabaseClient database) {
        this.database = database;
    }

    public Mono<KnownSession> find(UUID sessionId) {
        return database.sql("select session_id, client_id, therapist_id, status from known_session where session_id = :id")
                .bind("id", sessionId)
                .map(row -> new KnownSession(row.get("session_id", UUID.class), row.get("client_id", UUID.class),
                        row.get("therapist_id", UUID.class), Status.of(row.get("status", String.class))))
                .one();
    }

    public Mono<Void> booked(SessionBooked event) {
        return record(event.sessionId(), event.clientId(), event.therapistId(), Status.BOOKED, event.occurredAt());
    }

    public Mono<Void> cancelled(SessionCancelled event) {
        return record(event.sessionId(), event.clientId(), event.therapistId(), Status.CANCELLED, event.occurredAt());
    }

    public Mono<Void> noShow(SessionNoShow event) {
        return record(event.sessionId(), event.clientId(), event.therapistId(), Status.NOSHOW, event.occurredAt());
    }

    public Mono<Void> completed(SessionCompleted event) {
        return record(event.sessionId(), event.clientId(), event.therapistId(), Status.COMPLETED, event.occurredAt());
    }

    /** The original session counts as cancelled, the new one as booked. */
    public Mono<Void> rescheduled(SessionRescheduled event) {
        return record(event.originalSessionId(), event.clientId(), event.therapistId(), Status.CANCELLED,
                event.occurredAt())
                .then(record(event.sessionId(), event.clientId(), event.therapistId(), Status.BOOKED, event.occurredAt()));
    }

    /** Records the session's state as of {@code at}; nothing is kept about an erased client. */
    private Mono<Void> record(UUID sessionId, UUID clientId, UUID therapistId, Status status, Instant at) {
        return database.sql("""
                        insert into known_session (session_id, client_id, therapist_id, status, changed_at)
                        select :id, :client, :therapist, :status, :at
                         where not exists (select 1 from erased_client where client_id = :client)
                        on conflict (session_id) do update set status = excluded.status, changed_at = excluded.changed_at""")
                .bind("id", sessionId)
                .bind("client", clientId)
                .bind("therapist", therapistId)
                .bind("status", status.code())
                .bind("at", at)
                .then();
    }

    /** The client was erased: what was known about their sessions goes. */
    public Mono<Void> forget(UUID clientId) {
        return database.sql("delete from known_session where client_id = :client").bind("client", clientId).then();
    }
}
