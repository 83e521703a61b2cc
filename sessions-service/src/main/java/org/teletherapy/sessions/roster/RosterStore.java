package org.teletherapy.sessions.roster;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import org.teletherapy.eventing.outbox.OutboxWriter;
import org.teletherapy.events.roster.RosterLinked;
import org.teletherapy.events.roster.RosterUnlinked;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.UUID;

/** The therapist–client roster. Linking and unlinking publish roster events in the same transaction. */
@Repository
public class RosterStore {

    private final DatabaseClient database;
    private final OutboxWriter outbox;
    private final Clock clock;

    RosterStore(DatabaseClient database, OutboxWriter outbox, Clock clock) {
        this.database = database;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Mono<Boolean> isLinked(UUID therapistId, UUID clientId) {
        return database.sql("select 1 from roster where therapist_id = :therapist and client_id = :client")
                .bind("therapist", therapistId).bind("client", clientId)
                .map(row -> true).one().defaultIfEmpty(false);
    }

    /** The therapists the client is linked to (each link is unlinked when the client is erased). */
    public Flux<UUID> therapistIdsOf(UUID clientId) {
        return database.sql("select therapist_id from roster where client_id = :client")
                .bind("client", clientId)
                .map(row -> row.get("therapist_id", UUID.class))
                .all();
    }

    Flux<CareTeamMember> therapistsOf(UUID clientId) {
        return database.sql("select therapist_id, therapist_name from roster where client_id = :client order by therapist_name")
                .bind("client", clientId)
                .map(row -> new CareTeamMember(row.get("therapist_id", UUID.class), null, row.get("therapist_name", String.class)))
                .all();
    }

    Flux<CareTeamMember> clientsOf(UUID therapistId) {
        return database.sql("select client_id, client_name from roster where therapist_id = :therapist order by client_name")
                .bind("therapist", therapistId)
                .map(row -> new CareTeamMember(null, row.get("client_id", UUID.class), row.get("client_name", String.class)))
                .all();
    }

    /** Links a client to a therapist (call inside a transaction); true if the link is new. */
    public Mono<Boolean> link(UUID therapistId, String therapistName, UUID clientId, String clientName) {
        return database.sql("""
                        insert into roster (therapist_id, client_id, therapist_name, client_name)
                        values (:therapist, :client, :therapistName, :clientName) on conflict do nothing""")
                .bind("therapist", therapistId).bind("client", clientId)
                .bind("therapistName", therapistName).bind("clientName", clientName)
                .fetch().rowsUpdated()
                .flatMap(rows -> rows == 0 ? Mono.just(false)
                        : outbox.append(new RosterLinked(clientId, therapistId, clock.instant()), therapistId.toString())
                                .thenReturn(true));
    }

    /** Unlinks (call inside a transaction); true if there was a link. */
    public Mono<Boolean> unlink(UUID therapistId, UUID clientId) {
        return database.sql("delete from roster where therapist_id = :therapist and client_id = :client")
                .bind("therapist", therapistId).bind("client", clientId)
                .fetch().rowsUpdated()
                .flatMap(rows -> rows == 0 ? Mono.just(false)
                        : outbox.append(new RosterUnlinked(clientId, therapistId, clock.instant()), therapistId.toString())
                                .thenReturn(true));
    }
}
