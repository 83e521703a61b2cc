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
import org.teletherapy.events.erasure.ErasurePart;
import org.teletherapy.events.erasure.ErasurePartDone;
import org.teletherapy.events.erasure.ErasureRefusal;
import org.teletherapy.events.notes.NotesErased;
import org.teletherapy.notes.audit.AuditAction;
import org.teletherapy.notes.audit.AuditContext;
import org.teletherapy.notes.audit.AuditTrail;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Crypto-shredding: destroying a client's data key makes every note and addendum about them unreadable for good,
 * in the database, its replicas and its backups alike, without touching the rows (signed notes are never deleted).
 * The erasure itself is recorded (when, why, at whose request), audited and published as {@code notes.erased}.
 *
 * <p>Two ways lead here. The platform's erasure (sessions-service's {@code client.erased}) honours the deployment's
 * retention rule: a client with a note signed within the retention period keeps their key, and the notes part is
 * answered {@code refused} with {@code retention-period}. An operator's {@code POST /api/v1/notes/erasures} is the
 * deliberate, audited decision of someone who checked the legal position (the period ended: {@code retention-expired};
 * a court order: {@code legal-obligation}), so it erases whatever the rule says; it also completes a notes part
 * that the platform's erasure had to refuse. Both answer the saga with {@code erasure.part-done}.
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
    private final RetentionProperties retention;
    private final Clock clock;

    Erasures(DatabaseClient database, SubjectKeyring keyring, AuditTrail audit, MeterRegistry meters, OutboxWriter outbox,
             ErasedContent content, RetentionProperties retention, Clock clock) {
        this.outbox = outbox;
        this.content = content;
        this.retention = retention;
        this.clock = clock;
        this.database = database;
        this.keyring = keyring;
        this.audit = audit;
        this.meters = meters;
    }

    /**
     * The notes part of the platform's erasure, in the caller's (the inbox's) transaction: the client's notes are
     * erased unless the retention rule keeps them, and the outcome is published as {@code erasure.part-done}. A client
     * erased before (by an operator, or by an earlier delivery) is answered {@code done} again.
     */
    Mono<ErasurePartDone> eraseForPlatform(AuditContext context, UUID clientId) {
        return isErased(clientId).flatMap(erased -> erased
                ? confirm(ErasurePartDone.done(clientId, ErasurePart.NOTES, clock.instant()))
                : retainedUntil(clientId)
                        .flatMap(until -> refuseForRetention(clientId))
                        .switchIfEmpty(Mono.defer(() -> erase(context, clientId, "client.erased", null, "account-erased", null)
                                // The first erasure confirmed itself in its transaction already.
                                .map(done -> ErasurePartDone.done(clientId, ErasurePart.NOTES, done.erasedAt())))));
    }

    private Mono<ErasurePartDone> refuseForRetention(UUID clientId) {
        Counter.builder("teletherapy.notes.erasures.refused").tag("reason", "retention-period").register(meters).increment();
        // The key stays, so the notes stay readable to their author; the operator sees the refusal in the saga.
        log.info("kept the notes of a client whose erasure was requested: a signed note is within the retention period");
        return confirm(ErasurePartDone.refused(clientId, ErasurePart.NOTES, ErasureRefusal.RETENTION_PERIOD,
                clock.instant()));
    }

    /** The end of the retention period of the client's notes, if it lies ahead; empty if nothing is kept back. */
    private Mono<Instant> retainedUntil(UUID clientId) {
        if (!retention.enabled()) {
            return Mono.empty();
        }
        Instant now = clock.instant();
        return content.lastSignedAt(clientId)
                // Years and months need a calendar: Instant.plus(Period) knows days only.
                .map(signed -> signed.atZone(ZoneOffset.UTC).plus(retention.signedNotes()).toInstant())
                .filter(until -> until.isAfter(now));
    }

    private Mono<Boolean> isErased(UUID clientId) {
        return database.sql("select 1 from client_erasure where client_id = :client").bind("client", clientId)
                .map(row -> true).one().defaultIfEmpty(false);
    }

    private Mono<ErasurePartDone> confirm(ErasurePartDone outcome) {
        return outbox.append(outcome, outcome.clientId().toString()).thenReturn(outcome);
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
                                .then(confirm(ErasurePartDone.done(clientId, ErasurePart.NOTES, done.erasedAt())))
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
