package org.teletherapy.exercises.roster;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.teletherapy.events.roster.RosterLinked;
import org.teletherapy.events.roster.RosterUnlinked;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Which therapist treats which client, as sessions-service announces it. A therapist sees and assigns homework only
 * for clients linked to them now; the link's end ends their access.
 */
@Service
public class Roster {

    private final DatabaseClient database;

    Roster(DatabaseClient database) {
        this.database = database;
    }

    public Mono<Boolean> isOnRoster(UUID therapistId, UUID clientId) {
        return database.sql("select 1 from roster_link where therapist_id = :therapist and client_id = :client and linked")
                .bind("therapist", therapistId)
                .bind("client", clientId)
                .map(row -> true)
                .one()
                .defaultIfEmpty(false);
    }

    /** The clients on the therapist's roster now. */
    public Mono<List<UUID>> clientsOf(UUID therapistId) {
        return database.sql("select client_id from roster_link where therapist_id = :therapist and linked")
                .bind("therapist", therapistId)
                .map(row -> row.get("client_id", UUID.class))
                .all()
                .collectList();
    }

    public Flux<UUID> therapistsOf(UUID clientId) {
        return database.sql("select therapist_id from roster_link where client_id = :client and linked order by therapist_id")
                .bind("client", clientId)
                .map(row -> row.get("therapist_id", UUID.class))
                .all();
    }

    Mono<Void> linked(RosterLinked event) {
        return record(event.clientId(), event.therapistId(), true, event.occurredAt());
    }

    Mono<Void> unlinked(RosterUnlinked event) {
        return record(event.clientId(), event.therapistId(), false, event.occurredAt());
    }

    /**
     * Records the link's state as of {@code at}; an older event than the one already applied changes nothing, and
     * an erased client is never linked again.
     */
    private Mono<Void> record(UUID clientId, UUID therapistId, boolean linked, Instant at) {
        return database.sql("""
                        insert into roster_link (client_id, therapist_id, linked, changed_at)
                        select :client, :therapist, :linked, :at
                         where not exists (select 1 from erased_client where client_id = :client)
                        on conflict (client_id, therapist_id) do update
                           set linked = excluded.linked, changed_at = excluded.changed_at
                         where roster_link.changed_at <= excluded.changed_at""")
                .bind("client", clientId)
                .bind("therapist", therapistId)
                .bind("linked", linked)
                .bind("at", at)
                .then();
    }

    /** The client was erased: their links go. */
    public Mono<Void> forget(UUID clientId) {
        return database.sql("delete from roster_link where client_id = :client").bind("client", clientId).then();
    }
}
