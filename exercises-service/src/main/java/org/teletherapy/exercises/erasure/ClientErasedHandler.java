package org.teletherapy.exercises.erasure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.teletherapy.eventing.inbox.EventHandler;
import org.teletherapy.eventing.inbox.EventMetadata;
import org.teletherapy.eventing.outbox.OutboxWriter;
import org.teletherapy.events.accounts.ClientErased;
import org.teletherapy.events.erasure.ErasurePart;
import org.teletherapy.events.erasure.ErasurePartDone;
import org.teletherapy.exercises.assignment.Assignments;
import org.teletherapy.exercises.measure.Measures;
import org.teletherapy.exercises.roster.Roster;
import org.teletherapy.exercises.safety.SafetyAlerts;
import org.teletherapy.exercises.session.KnownSessions;
import org.teletherapy.exercises.vault.AnswerVault;
import reactor.core.publisher.Mono;

import java.time.Clock;

/**
 * An operator erased a client. Their key is destroyed, so every answer, draft, instruction and comment sealed for them
 * is unreadable for good (backups included); the plain figures about them (scores, alerts, roster links) are deleted;
 * open homework is withdrawn, so no overdue event is ever raised about them. All in the transaction that records the
 * event, with the confirmation of the exercises part ({@code erasure.part-done}) for sessions-service's erasure saga:
 * a redelivery is a duplicate and changes nothing; a new {@code client.erased} finds nothing left and confirms again.
 */
@Component
class ClientErasedHandler implements EventHandler<ClientErased> {

    private static final Logger log = LoggerFactory.getLogger(ClientErasedHandler.class);

    private final AnswerVault vault;
    private final Assignments assignments;
    private final Measures measures;
    private final SafetyAlerts safetyAlerts;
    private final Roster roster;
    private final KnownSessions sessions;
    private final DatabaseClient database;
    private final OutboxWriter outbox;
    private final Clock clock;

    ClientErasedHandler(AnswerVault vault, Assignments assignments, Measures measures, SafetyAlerts safetyAlerts,
                        Roster roster, KnownSessions sessions, DatabaseClient database, OutboxWriter outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
        this.vault = vault;
        this.assignments = assignments;
        this.measures = measures;
        this.safetyAlerts = safetyAlerts;
        this.roster = roster;
        this.sessions = sessions;
        this.database = database;
    }

    @Override
    public Class<ClientErased> eventClass() {
        return ClientErased.class;
    }

    @Override
    public Mono<Void> apply(ClientErased event, EventMetadata metadata) {
        return database.sql("insert into erased_client (client_id, erased_at) values (:client, :at) on conflict do nothing")
                .bind("client", event.clientId())
                .bind("at", event.occurredAt())
                .then()
                .then(vault.forget(event.clientId()))
                .then(assignments.withdrawAllOf(event.clientId()))
                .then(safetyAlerts.forget(event.clientId()))
                .then(measures.forget(event.clientId()))
                .then(roster.forget(event.clientId()))
                .then(sessions.forget(event.clientId()))
                .then(outbox.append(ErasurePartDone.done(event.clientId(), ErasurePart.EXERCISES, clock.instant()),
                        event.clientId().toString()))
                .then()
                .doOnSuccess(done -> log.info("erased the exercises data of a client (event {})", metadata.id()));
    }
}
