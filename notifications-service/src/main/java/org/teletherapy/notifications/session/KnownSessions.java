package org.teletherapy.notifications.session;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.UUID;

/**
 * Sessions as sessions-service announced them. A moved session keeps the calendar UID of the session as first booked
 * and counts its changes, so every confirmation updates one calendar entry.
 */
@Component
class KnownSessions {

    /** The calendar identity of a session at a change: the UID's session id and the change's sequence number. */
    record Entry(UUID uidSessionId, int sequence, Instant startsAt, Instant endsAt) {
    }

    private final DatabaseClient database;

    KnownSessions(DatabaseClient database) {
        this.database = database;
    }

    Mono<Entry> booked(UUID sessionId, UUID clientId, UUID therapistId, Instant startsAt, Instant endsAt, Instant at) {
        return insert(sessionId, sessionId, clientId, therapistId, startsAt, endsAt, 0, at);
    }

    /** The session moved to a new id: the old one is marked moved, the new one continues its calendar entry. */
    Mono<Entry> moved(UUID previousId, UUID sessionId, UUID clientId, UUID therapistId, Instant startsAt,
                      Instant endsAt, Instant at) {
        return database.sql("""
                        update known_session set status = 'moved', changed_at = :at
                         where id = :previous returning uid_session_id, sequence""")
                .bind("previous", previousId)
                .bind("at", at)
                .map(row -> new Entry(row.get("uid_session_id", UUID.class), row.get("sequence", Integer.class),
                        startsAt, endsAt))
                .one()
                // Moved before this service knew it: continue the entry the feed had for the previous session.
                .defaultIfEmpty(new Entry(previousId, 0, startsAt, endsAt))
                .flatMap(previous -> insert(sessionId, previous.uidSessionId(), clientId, therapistId, startsAt,
                        endsAt, previous.sequence() + 1, at));
    }

    Mono<Entry> cancelled(UUID sessionId, Instant startsAt, Instant at) {
        return database.sql("""
                        update known_session set status = 'cancelled', sequence = sequence + 1, changed_at = :at
                         where id = :id returning uid_session_id, sequence, starts_at, ends_at""")
                .bind("id", sessionId)
                .bind("at", at)
                .map(row -> new Entry(row.get("uid_session_id", UUID.class), row.get("sequence", Integer.class),
                        row.get("starts_at", Instant.class), row.get("ends_at", Instant.class)))
                .one()
                .defaultIfEmpty(new Entry(sessionId, 1, startsAt, startsAt));
    }

    /** Whether a reminder for the session at {@code startsAt} is still right: booked, and not moved since. */
    Mono<Boolean> bookedAt(UUID sessionId, Instant startsAt) {
        return database.sql("select 1 from known_session where id = :id and status = 'booked' and starts_at = :start")
                .bind("id", sessionId)
                .bind("start", startsAt)
                .map(row -> true)
                .one()
                .defaultIfEmpty(false);
    }

    private Mono<Entry> insert(UUID id, UUID uidSessionId, UUID clientId, UUID therapistId, Instant startsAt,
                               Instant endsAt, int sequence, Instant at) {
        return database.sql("""
                        insert into known_session (id, uid_session_id, client_id, therapist_id, starts_at, ends_at,
                                                   sequence, status, changed_at)
                        values (:id, :uid, :client, :therapist, :start, :end, :sequence, 'booked', :at)
                        on conflict (id) do nothing""")
                .bind("id", id)
                .bind("uid", uidSessionId)
                .bind("client", clientId)
                .bind("therapist", therapistId)
                .bind("start", startsAt)
                .bind("end", endsAt)
                .bind("sequence", sequence)
                .bind("at", at)
                .then()
                .thenReturn(new Entry(uidSessionId, sequence, startsAt, endsAt));
    }
}
