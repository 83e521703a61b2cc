package org.teletherapy.notes.erasure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Service;
import org.teletherapy.crypto.SubjectKeyring;
import org.teletherapy.eventing.outbox.OutboxWriter;
import org.teletherapy.events.notes.NotesErased;
import org.teletherapy.notes.audit.AuditAction;
import org.teletherapy.notes.audit.AuditContext;
import org.teletherapy.notes.audit.AuditTrail;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.UUID;

/**
 * Crypto-shredding: destroying a client's data key makes every note and addendum about them unreadable for good,
 * in the database, its replicas and its backups alike, without touching the rows (signed notes are never deleted).
 * The erasure itself is recorded (when, why, at whose request), audited and published as {@code notes.erased}.
 */
@Service
class Erasures {

    private static final Logger log = LoggerFactory.getLogger(Erasures.class);

    private final DatabaseClient database;
    private final SubjectKeyring keyring;
    private final AuditTrail audit;
    private final MeterRegistry meters;
    private final OutboxWriter outbox;
    private final ErasedContent content;

    Erasures(DatabaseClient database, SubjectKeyring keyring, AuditTrail audit, MeterRegistry meters, OutboxWriter outbox,
             ErasedContent content) {
        this.outbox = outbox;
        this.content = content;
        this.database = database;
        this.keyring = keyring;
        this.audit = audit;
        this.meters = meters;
    }

    /**
     * Erases the client's notes, once: a repeated request (or a redelivered event) answers with the first erasure.
     *
     * @param requestedBy the operator, or null for sessions-service's {@code client.erased}
     */
    Mono<Erasure> erase(AuditContext context, UUID clientId, String requestedVia, UUID requestedBy, String reason,
                        String reference) {
        Mono<Erasure> erasure = record(clientId, requestedVia, requestedBy, reason, reference)
                .flatMap(first -> keyring.destroy(clientId)
                        .then(find(clientId, !first)))
                // Published in the erasure's own transaction, only the first time: ids and a count, nothing else.
                .flatMap(done -> done.alreadyErased() ? Mono.just(done)
                        : outbox.append(new NotesErased(clientId, done.notesErased(), done.erasedAt()), clientId.toString())
                                .thenReturn(done));
        return audit.audited(context, AuditAction.EXECUTE, "client.erase", null, erasure, Erasure::clientId)
                .doOnNext(done -> {
                    if (!done.alreadyErased()) {
                        Counter.builder("teletherapy.notes.erasures").tag("via", requestedVia).register(meters).increment();
                        // Who was erased is in the audit trail; a log line names no person.
                        log.info("erased the notes of a client ({} notes, via {})", done.notesErased(), requestedVia);
                    }
                });
    }

    /** True if this is the client's first erasure. */
    private Mono<Boolean> record(UUID clientId, String requestedVia, UUID requestedBy, String reason, String reference) {
        DatabaseClient.GenericExecuteSpec insert = database.sql("""
                        insert into client_erasure (client_id, requested_via, requested_by, reason, reference)
                        values (:client, :via, :by, :reason, :reference)
                        on conflict (client_id) do nothing""")
                .bind("client", clientId)
                .bind("via", requestedVia)
                .bind("reason", reason);
        insert = insert.bind("by", Parameter.fromOrEmpty(requestedBy, UUID.class));
        insert = insert.bind("reference", Parameter.fromOrEmpty(reference, String.class));
        return insert.fetch().rowsUpdated().map(rows -> rows == 1);
    }

    private Mono<Erasure> find(UUID clientId, boolean alreadyErased) {
        return content.notesOf(clientId).flatMap(notes -> database.sql("""
                        select client_id, erased_at, requested_via, reason
                          from client_erasure where client_id = :client""")
                .bind("client", clientId)
                .map(row -> new Erasure(row.get("client_id", UUID.class), row.get("erased_at", Instant.class),
                        row.get("requested_via", String.class), row.get("reason", String.class), notes, alreadyErased))
                .one());
    }

    /**
     * @param notesErased   the client's notes that can no longer be read
     * @param alreadyErased the client had been erased before this request, which changed nothing
     */
    record Erasure(UUID clientId, Instant erasedAt, String requestedVia, String reason, long notesErased,
                   boolean alreadyErased) {
    }
}
