package org.teletherapy.notes.caseload;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import org.teletherapy.events.roster.RosterLinked;
import org.teletherapy.events.roster.RosterUnlinked;
import org.teletherapy.events.sessions.SessionBooked;
import org.teletherapy.events.sessions.SessionCancelled;
import org.teletherapy.events.sessions.SessionCompleted;
import org.teletherapy.events.sessions.SessionNoShow;
import org.teletherapy.events.sessions.SessionRescheduled;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.UUID;

/**
 * The local copy of sessions and roster, fed by sessions-service's events: notes-service decides who may write
 * about whom without calling another service, and keeps working while sessions-service is down.
 */
@Component
public class Caseload {

    private final DatabaseClient database;

    Caseload(DatabaseClient database) {
        this.database = database;
    }

    /** The session, and whether its therapist's access to the client has ended since. */
    public Mono<CaseloadSession> session(UUID sessionId) {
        return database.sql("""
                        select s.id, s.client_id, s.therapist_id, s.starts_at, s.ends_at, s.status, s.completed_at,
                               coalesce(not r.linked, false) as unlinked
                          from caseload_session s
                          left join caseload_roster r on r.therapist_id = s.therapist_id and r.client_id = s.client_id
                         where s.id = :id""")
                .bind("id", sessionId)
                .map(Caseload::toSession)
                .one();
    }

    /** Completed sessions of the therapist with clients still on their roster, oldest first. */
    public Flux<CaseloadSession> completedSessions(UUID therapistId) {
        return database.sql("""
                        select s.id, s.client_id, s.therapist_id, s.starts_at, s.ends_at, s.status, s.completed_at,
                               false as unlinked
                          from caseload_session s
                         where s.therapist_id = :therapist and s.status = 'completed'
                           and not exists (select 1 from caseload_roster r
                                            where r.therapist_id = s.therapist_id and r.client_id = s.client_id and not r.linked)
                         order by s.starts_at, s.id""")
                .bind("therapist", therapistId)
                .map(Caseload::toSession)
                .all();
    }

    Mono<Void> booked(SessionBooked event) {
        return book(event.sessionId(), event.clientId(), event.therapistId(), event.startsAt(), event.endsAt());
    }

    /** Moves a session: the original id (if another) is marked rescheduled, the new one booked. */
    Mono<Void> rescheduled(SessionRescheduled event) {
        Mono<Void> retireOriginal = event.sessionId().equals(event.originalSessionId()) ? Mono.empty()
                : database.sql("update caseload_session set status = 'rescheduled', updated_at = now() "
                                + "where id = :id and status = 'booked'")
                        .bind("id", event.originalSessionId()).then();
        return retireOriginal.then(book(event.sessionId(), event.clientId(), event.therapistId(), event.startsAt(),
                event.endsAt()));
    }

    Mono<Void> cancelled(SessionCancelled event) {
        return end(new SessionEnd(event.sessionId(), event.clientId(), event.therapistId(), event.startsAt(), null,
                "cancelled", null));
    }

    Mono<Void> completed(SessionCompleted event) {
        return end(new SessionEnd(event.sessionId(), event.clientId(), event.therapistId(), event.startsAt(),
                event.endsAt(), "completed", event.occurredAt()));
    }

    Mono<Void> noShow(SessionNoShow event) {
        return end(new SessionEnd(event.sessionId(), event.clientId(), event.therapistId(), event.startsAt(), null,
                "noshow", null));
    }

    Mono<Void> linked(RosterLinked event) {
        return roster(event.therapistId(), event.clientId(), true, event.occurredAt());
    }

    Mono<Void> unlinked(RosterUnlinked event) {
        return roster(event.therapistId(), event.clientId(), false, event.occurredAt());
    }

    /** Books or re-times a session; a session already completed, cancelled or missed keeps its status. */
    private Mono<Void> book(UUID sessionId, UUID clientId, UUID therapistId, Instant startsAt, Instant endsAt) {
        return database.sql("""
                        insert into caseload_session (id, client_id, therapist_id, starts_at, ends_at, status)
                        values (:id, :client, :therapist, :startsAt, :endsAt, 'booked')
                        on conflict (id) do update set client_id = excluded.client_id, therapist_id = excluded.therapist_id,
                            starts_at = excluded.starts_at, ends_at = excluded.ends_at, updated_at = now()""")
                .bind("id", sessionId).bind("client", clientId).bind("therapist", therapistId)
                .bind("startsAt", startsAt).bind("endsAt", endsAt)
                .then();
    }

    /** A session's final status (completed, cancelled, noshow); the end and completion are known for some only. */
    private record SessionEnd(UUID sessionId, UUID clientId, UUID therapistId, Instant startsAt, Instant endsAt,
                              String status, Instant completedAt) {
    }

    /** Records a session's final status, creating it if it was unknown. */
    private Mono<Void> end(SessionEnd end) {
        DatabaseClient.GenericExecuteSpec statement = database.sql("""
                        insert into caseload_session (id, client_id, therapist_id, starts_at, ends_at, status, completed_at)
                        values (:id, :client, :therapist, :startsAt, :endsAt, :status, :completedAt)
                        on conflict (id) do update set client_id = excluded.client_id, therapist_id = excluded.therapist_id,
                            starts_at = excluded.starts_at, ends_at = coalesce(excluded.ends_at, caseload_session.ends_at),
                            status = excluded.status, completed_at = excluded.completed_at, updated_at = now()""")
                .bind("id", end.sessionId()).bind("client", end.clientId()).bind("therapist", end.therapistId())
                .bind("startsAt", end.startsAt()).bind("status", end.status())
                .bind("endsAt", Parameter.fromOrEmpty(end.endsAt(), Instant.class))
                .bind("completedAt", Parameter.fromOrEmpty(end.completedAt(), Instant.class));
        return statement.then();
    }

    /** Links or unlinks; an older event than the one applied last changes nothing. */
    private Mono<Void> roster(UUID therapistId, UUID clientId, boolean linked, Instant at) {
        return database.sql("""
                        insert into caseload_roster (therapist_id, client_id, linked, changed_at)
                        values (:therapist, :client, :linked, :at)
                        on conflict (therapist_id, client_id) do update set linked = excluded.linked, changed_at = excluded.changed_at
                         where caseload_roster.changed_at <= excluded.changed_at""")
                .bind("therapist", therapistId).bind("client", clientId).bind("linked", linked).bind("at", at)
                .then();
    }

    /** Whether the client is on the therapist's roster now. */
    public Mono<Boolean> onRoster(UUID therapistId, UUID clientId) {
        return database.sql("select linked from caseload_roster where therapist_id = :therapist and client_id = :client")
                .bind("therapist", therapistId).bind("client", clientId)
                .map(row -> Boolean.TRUE.equals(row.get("linked", Boolean.class)))
                .one().defaultIfEmpty(false);
    }

    /** Whether the therapist was unlinked from the client's roster (never linked is not unlinked). */
    public Mono<Boolean> unlinked(UUID therapistId, UUID clientId) {
        return database.sql("select not linked as unlinked from caseload_roster where therapist_id = :therapist "
                        + "and client_id = :client")
                .bind("therapist", therapistId).bind("client", clientId)
                .map(row -> Boolean.TRUE.equals(row.get("unlinked", Boolean.class)))
                .one().defaultIfEmpty(false);
    }

    private static CaseloadSession toSession(Readable row) {
        return new CaseloadSession(row.get("id", UUID.class), row.get("client_id", UUID.class),
                row.get("therapist_id", UUID.class), row.get("starts_at", Instant.class), row.get("ends_at", Instant.class),
                row.get("status", String.class), row.get("completed_at", Instant.class),
                Boolean.TRUE.equals(row.get("unlinked", Boolean.class)));
    }
}
