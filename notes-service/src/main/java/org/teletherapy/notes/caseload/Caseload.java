package org.teletherapy.notes.caseload;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
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

    /** Books or re-times a session; a session already completed, cancelled or missed keeps its status. */
    Mono<Void> booked(UUID sessionId, UUID clientId, UUID therapistId, Instant startsAt, Instant endsAt) {
        return database.sql("""
                        insert into caseload_session (id, client_id, therapist_id, starts_at, ends_at, status)
                        values (:id, :client, :therapist, :startsAt, :endsAt, 'booked')
                        on conflict (id) do update set client_id = excluded.client_id, therapist_id = excluded.therapist_id,
                            starts_at = excluded.starts_at, ends_at = excluded.ends_at, updated_at = now()""")
                .bind("id", sessionId).bind("client", clientId).bind("therapist", therapistId)
                .bind("startsAt", startsAt).bind("endsAt", endsAt)
                .then();
    }

    /** Records a session's final status (completed, cancelled, noshow, rescheduled), creating it if it was unknown. */
    Mono<Void> ended(UUID sessionId, UUID clientId, UUID therapistId, Instant startsAt, Instant endsAt, String status,
                     Instant completedAt) {
        DatabaseClient.GenericExecuteSpec statement = database.sql("""
                        insert into caseload_session (id, client_id, therapist_id, starts_at, ends_at, status, completed_at)
                        values (:id, :client, :therapist, :startsAt, :endsAt, :status, :completedAt)
                        on conflict (id) do update set client_id = excluded.client_id, therapist_id = excluded.therapist_id,
                            starts_at = excluded.starts_at, ends_at = coalesce(excluded.ends_at, caseload_session.ends_at),
                            status = excluded.status, completed_at = excluded.completed_at, updated_at = now()""")
                .bind("id", sessionId).bind("client", clientId).bind("therapist", therapistId)
                .bind("startsAt", startsAt).bind("status", status);
        statement = statement.bind("endsAt", Parameter.fromOrEmpty(endsAt, Instant.class));
        statement = statement.bind("completedAt", Parameter.fromOrEmpty(completedAt, Instant.class));
        return statement.then();
    }

    /** Moves a session: the original id (if another) is marked rescheduled, the new one booked. */
    Mono<Void> rescheduled(UUID sessionId, UUID originalSessionId, UUID clientId, UUID therapistId, Instant startsAt,
                           Instant endsAt) {
        Mono<Void> retireOriginal = sessionId.equals(originalSessionId) ? Mono.empty()
                : database.sql("update caseload_session set status = 'rescheduled', updated_at = now() "
                                + "where id = :id and status = 'booked'")
                        .bind("id", originalSessionId).then();
        return retireOriginal.then(booked(sessionId, clientId, therapistId, startsAt, endsAt));
    }

    /** Links or unlinks; an older event than the one applied last changes nothing. */
    Mono<Void> roster(UUID therapistId, UUID clientId, boolean linked, Instant at) {
        return database.sql("""
                        insert into caseload_roster (therapist_id, client_id, linked, changed_at)
                        values (:therapist, :client, :linked, :at)
                        on conflict (therapist_id, client_id) do update set linked = excluded.linked, changed_at = excluded.changed_at
                         where caseload_roster.changed_at <= excluded.changed_at""")
                .bind("therapist", therapistId).bind("client", clientId).bind("linked", linked).bind("at", at)
                .then();
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
