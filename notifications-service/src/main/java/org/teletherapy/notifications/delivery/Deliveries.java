package org.teletherapy.notifications.delivery;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The messages to send and sent: the only code that names the {@code delivery} table. */
@Service
public class Deliveries {

    private final DatabaseClient database;

    Deliveries(DatabaseClient database) {
        this.database = database;
    }

    /** Plans a message, inside the caller's transaction; planning the same one again (same dedupe key) changes nothing. */
    public Mono<Void> plan(NewDelivery delivery, Instant now) {
        List<String> names = List.copyOf(delivery.facts().keySet());
        return database.sql("""
                        insert into delivery (id, kind, recipient_id, recipient_role, subject_id, payload, dedupe_key,
                                              status, due_at, next_attempt_at, created_at)
                        values (:id, :kind, :recipient, :role, :subject, jsonb_object(:names, :values), :dedupe,
                                'pending', :due, :due, :now)
                        on conflict (dedupe_key) do nothing""")
                .bind("id", UUID.randomUUID())
                .bind("kind", delivery.kind().wireName())
                .bind("recipient", Parameter.fromOrEmpty(delivery.recipientId(), UUID.class))
                .bind("role", delivery.role().wireName())
                .bind("subject", delivery.subjectId())
                .bind("names", names.toArray(String[]::new))
                .bind("values", names.stream().map(delivery.facts()::get).toArray(String[]::new))
                .bind("dedupe", delivery.dedupeKey())
                .bind("due", delivery.dueAt())
                .bind("now", now)
                .then();
    }

    /** Cancels the messages about {@code subjectId} of these kinds that have not gone out yet. */
    public Mono<Long> cancelPending(UUID subjectId, Collection<Kind> kinds) {
        return database.sql("""
                        update delivery set status = 'cancelled', outcome = 'superseded'
                         where subject_id = :subject and status = 'pending' and kind = any(:kinds)""")
                .bind("subject", subjectId)
                .bind("kinds", kinds.stream().map(Kind::wireName).toArray(String[]::new))
                .fetch().rowsUpdated();
    }

    /**
     * Claims due messages for this instance until {@code leaseEnd}: rows another instance holds are skipped, and a
     * claim whose lease ran out (its instance died mid-send) is taken over. Up to {@code limit} of each.
     */
    Flux<Delivery> claim(Instant now, Instant leaseEnd, int limit) {
        return database.sql("""
                        with due as (select id from delivery
                                      where status = 'pending' and next_attempt_at <= :now
                                      order by next_attempt_at
                                      limit :limit
                                      for update skip locked),
                             abandoned as (select id from delivery
                                            where status = 'sending' and claimed_until <= :now
                                            order by claimed_until
                                            limit :limit
                                            for update skip locked)
                        update delivery d set status = 'sending', claimed_until = :leaseEnd, attempts = d.attempts + 1
                         where d.id in (select id from due union all select id from abandoned)
                        returning d.id, d.kind, d.recipient_id, d.recipient_role, d.subject_id, d.due_at, d.attempts,
                                  d.created_at,
                                  (select array_agg(key order by key) from jsonb_each_text(d.payload)) as names,
                                  (select array_agg(value order by key) from jsonb_each_text(d.payload)) as fact_values""")
                .bind("now", now)
                .bind("leaseEnd", leaseEnd)
                .bind("limit", limit)
                .map(Deliveries::claimed)
                .all();
    }

    /**
     * Records how a claimed message ended without being sent (skipped, failed); a claim taken over by another
     * instance meanwhile is left to it.
     */
    Mono<Boolean> finish(Delivery delivery, String status, String outcome) {
        return database.sql("""
                        update delivery set status = :status, outcome = :outcome, claimed_until = null
                         where id = :id and status = 'sending' and attempts = :attempts""")
                .bind("status", status)
                .bind("outcome", outcome)
                .bind("id", delivery.id())
                .bind("attempts", delivery.attempts())
                .fetch().rowsUpdated()
                .map(rows -> rows == 1);
    }

    /**
     * Records that the SMTP server accepted these claimed messages, in one statement; a claim taken over by another
     * instance meanwhile is left to it.
     */
    Mono<Long> sent(Collection<Delivery> sent, Instant now) {
        return database.sql("""
                        update delivery d set status = 'sent', outcome = 'accepted', claimed_until = null, sent_at = :now
                          from unnest(:ids, :attempts) as claim(id, attempts)
                         where d.id = claim.id and d.attempts = claim.attempts and d.status = 'sending'""")
                .bind("now", now)
                .bind("ids", sent.stream().map(Delivery::id).toArray(UUID[]::new))
                .bind("attempts", sent.stream().map(Delivery::attempts).toArray(Integer[]::new))
                .fetch().rowsUpdated();
    }

    /** Puts a message back for another attempt at {@code retryAt}. */
    Mono<Boolean> retryAt(Delivery delivery, String outcome, Instant retryAt) {
        return database.sql("""
                        update delivery set status = 'pending', outcome = :outcome, claimed_until = null,
                               next_attempt_at = :retryAt
                         where id = :id and status = 'sending' and attempts = :attempts""")
                .bind("outcome", outcome)
                .bind("retryAt", retryAt)
                .bind("id", delivery.id())
                .bind("attempts", delivery.attempts())
                .fetch().rowsUpdated()
                .map(rows -> rows == 1);
    }

    /** The delivery log of one person: kinds, times, statuses and attempts; never an address or a text. */
    Flux<LogEntry> logOf(UUID userId, int limit) {
        return database.sql("""
                        select kind, status, due_at, sent_at, attempts, created_at from delivery
                         where recipient_id = :user and status <> 'cancelled'
                         order by created_at desc, due_at desc limit :limit""")
                .bind("user", userId)
                .bind("limit", limit)
                .map(row -> new LogEntry(row.get("kind", String.class), row.get("status", String.class),
                        row.get("due_at", Instant.class), row.get("sent_at", Instant.class),
                        row.get("attempts", Integer.class)))
                .all();
    }

    record LogEntry(String kind, String status, Instant dueAt, Instant sentAt, int attempts) {
    }

    /**
     * The client was erased: nothing more goes to them or about them, and the lines of anyone's log that concern them
     * go ({@code subjects}: their sessions and alerts, as the features that planned the deliveries know them).
     */
    public Mono<Void> forget(UUID clientId, Collection<UUID> subjects) {
        return database.sql("delete from delivery where recipient_id = :client or subject_id = any(:subjects)")
                .bind("client", clientId)
                .bind("subjects", subjects.toArray(UUID[]::new))
                .then();
    }

    private static Delivery claimed(Readable row) {
        String[] names = row.get("names", String[].class);
        String[] values = row.get("fact_values", String[].class);
        Map<String, String> facts = new LinkedHashMap<>();
        for (int i = 0; names != null && i < names.length; i++) {
            facts.put(names[i], values[i]);
        }
        return new Delivery(row.get("id", UUID.class), Kind.of(row.get("kind", String.class)),
                row.get("recipient_id", UUID.class), RecipientRole.of(row.get("recipient_role", String.class)),
                row.get("subject_id", UUID.class), Map.copyOf(facts), row.get("due_at", Instant.class),
                row.get("attempts", Integer.class), row.get("created_at", Instant.class));
    }
}
