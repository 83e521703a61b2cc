package org.teletherapy.notes.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Function;

/**
 * Appends to the access audit: one chain of entries, each holding the hash of the one before. The service inserts
 * an entry's fields in the transaction of the access; a deferred trigger seals it into the chain as that transaction
 * commits (sequence, previous hash, hash), holding the chain head's lock only while the commit runs in the database.
 * So concurrent requests, and several instances, line up into one chain instead of forking it, without a lock held
 * across round trips.
 */
@Component
public class AuditTrail {

    static final String COLUMNS = "sequence, id, occurred_at, actor_id, actor_role, action, activity, note_id, client_id, "
            + "outcome, request_id, previous_hash, hash";

    private final DatabaseClient database;
    private final TransactionalOperator transaction;
    private final Clock clock;
    private final MeterRegistry meters;

    AuditTrail(DatabaseClient database, TransactionalOperator transaction, Clock clock, MeterRegistry meters) {
        this.database = database;
        this.transaction = transaction;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Runs {@code work} in a transaction and records its outcome: a success in the same transaction (no effect
     * without its entry, no entry without its effect), a failure after the rollback in a transaction of its own (a
     * refused or failed access is recorded too). If the entry cannot be written, the work fails: nothing is read or
     * changed unrecorded.
     *
     * @param clientOf the client the result concerns, for the entry
     */
    public <T> Mono<T> audited(AuditContext context, AuditAction action, String activity, UUID noteId, Mono<T> work,
                               Function<T, UUID> clientOf) {
        Mono<T> recorded = work.flatMap(result -> append(context.record(action, activity, noteId, clientOf.apply(result),
                AuditOutcome.SUCCESS)).thenReturn(result));
        return transaction.transactional(recorded)
                .onErrorResume(error -> record(context.record(action, activity, noteId, null, AuditOutcome.of(error)))
                        .then(Mono.error(error)));
    }

    /** Appends one entry, in the surrounding transaction if there is one, else in its own. */
    public Mono<Void> record(AuditRecord record) {
        return transaction.transactional(append(record)).then();
    }

    /** Inserts the entry's fields; the database seals it into the chain when the transaction commits. */
    private Mono<Void> append(AuditRecord record) {
        DatabaseClient.GenericExecuteSpec insert = database.sql("""
                        insert into audit_entry (id, occurred_at, actor_id, actor_role, action, activity, note_id,
                                                 client_id, outcome, request_id)
                        values (:id, :occurredAt, :actorId, :actorRole, :action, :activity, :noteId, :clientId,
                                :outcome, :requestId)""")
                .bind("id", UUID.randomUUID())
                .bind("occurredAt", clock.instant().truncatedTo(ChronoUnit.MICROS))
                .bind("actorRole", record.actorRole())
                .bind("action", record.action().code())
                .bind("activity", record.activity())
                .bind("outcome", record.outcome().code());
        insert = insert.bind("actorId", Parameter.fromOrEmpty(record.actorId(), UUID.class));
        insert = insert.bind("noteId", Parameter.fromOrEmpty(record.noteId(), UUID.class));
        insert = insert.bind("clientId", Parameter.fromOrEmpty(record.clientId(), UUID.class));
        insert = insert.bind("requestId", Parameter.fromOrEmpty(record.requestId(), String.class));
        return insert.then()
                .doOnSuccess(done -> Counter.builder("teletherapy.notes.audit.entries").tag("action", record.action().code())
                        .tag("outcome", record.outcome().code()).register(meters).increment());
    }

    /** The entries about one note, oldest first. */
    public Flux<AuditEntry> entriesOfNote(UUID noteId) {
        return database.sql("select " + COLUMNS + " from audit_entry where note_id = :noteId and sequence is not null "
                        + "order by sequence")
                .bind("noteId", noteId)
                .map(AuditTrail::entry)
                .all();
    }

    /** Up to {@code limit} entries after {@code afterSequence}, in chain order. */
    public Flux<AuditEntry> entriesAfter(long afterSequence, int limit) {
        return database.sql("select " + COLUMNS + " from audit_entry where sequence > :after order by sequence limit :limit")
                .bind("after", afterSequence)
                .bind("limit", limit)
                .map(AuditTrail::entry)
                .all();
    }

    /** The sealed entries about one client, newest first, at most {@code limit}. */
    public Flux<AuditEntry> entriesOfClient(UUID clientId, int limit) {
        return database.sql("select " + COLUMNS + " from audit_entry where client_id = :client and sequence is not null "
                        + "order by sequence desc limit :limit")
                .bind("client", clientId)
                .bind("limit", limit)
                .map(AuditTrail::entry)
                .all();
    }

    static AuditEntry entry(Readable row) {
        return new AuditEntry(row.get("sequence", Long.class), row.get("id", UUID.class),
                row.get("occurred_at", Instant.class), row.get("actor_id", UUID.class), row.get("actor_role", String.class),
                row.get("action", String.class), row.get("activity", String.class), row.get("note_id", UUID.class),
                row.get("client_id", UUID.class), row.get("outcome", String.class), row.get("request_id", String.class),
                row.get("previous_hash", byte[].class), row.get("hash", byte[].class));
    }
}
