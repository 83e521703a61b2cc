package org.teletherapy.sessions.erasure;

import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.UUID;

/** Erasures and their parts in SQL. Every change is a conditional update, so racing instances cannot both win. */
@Repository
class ErasureStore {

    private static final String COLUMNS = "id, client_id, reason, reference, requested_by, requested_at, step, attempts, "
            + "next_attempt_at, last_problem, completed_at";

    /** One erasure as stored. */
    record Erasure(UUID id, UUID clientId, String reason, @Nullable String reference, UUID requestedBy,
                   Instant requestedAt, Step step, int attempts, Instant nextAttemptAt, @Nullable String lastProblem,
                   @Nullable Instant completedAt) {
    }

    /** Another service's part: {@code pending}, {@code done} or {@code refused} (with a reason code). */
    record Part(String part, String status, @Nullable String reasonCode, @Nullable Instant answeredAt) {
    }

    /** An erasure this instance claimed, at the step it is to do. */
    record Claimed(UUID id, UUID clientId, Step step, int attempts) {
    }

    private final DatabaseClient database;

    ErasureStore(DatabaseClient database) {
        this.database = database;
    }

    /** A new erasure with its three pending parts (call inside a transaction); false if the client has one already. */
    Mono<Boolean> insert(UUID id, UUID clientId, ErasureReason reason, @Nullable String reference, UUID requestedBy) {
        DatabaseClient.GenericExecuteSpec insert = database.sql("""
                        insert into erasure (id, client_id, reason, reference, requested_by)
                        values (:id, :client, :reason, :reference, :by)
                        on conflict (client_id) do nothing""")
                .bind("id", id).bind("client", clientId).bind("reason", reason.code()).bind("by", requestedBy);
        return insert.bind("reference", Parameter.fromOrEmpty(reference, String.class))
                .fetch().rowsUpdated()
                .flatMap(rows -> rows == 0 ? Mono.just(false) : database.sql("""
                                insert into erasure_part (erasure_id, part)
                                values (:id, 'notes'), (:id, 'exercises'), (:id, 'notifications')""")
                        .bind("id", id).then().thenReturn(true));
    }

    Mono<Erasure> find(UUID id) {
        return database.sql("select " + COLUMNS + " from erasure where id = :id").bind("id", id)
                .map(ErasureStore::read).one();
    }

    Mono<Erasure> findByClient(UUID clientId) {
        return database.sql("select " + COLUMNS + " from erasure where client_id = :client").bind("client", clientId)
                .map(ErasureStore::read).one();
    }

    Flux<Part> parts(UUID erasureId) {
        return database.sql("select part, status, reason_code, answered_at from erasure_part where erasure_id = :id order by part")
                .bind("id", erasureId)
                .map(row -> new Part(row.get("part", String.class), row.get("status", String.class),
                        row.get("reason_code", String.class), row.get("answered_at", Instant.class)))
                .all();
    }

    /**
     * Claims up to {@code limit} erasures whose next attempt is due, for this instance until {@code leaseEnd}: rows
     * another instance holds are skipped, and a claim whose instance died is due again when its lease ends. Runs on
     * its own (auto-commit), so the claim is visible to every instance before the step begins.
     */
    Flux<Claimed> claim(Instant now, Instant leaseEnd, int limit) {
        return database.sql("""
                        update erasure e set next_attempt_at = :leaseEnd, attempts = e.attempts + 1
                          from (select id from erasure
                                 where step <> 'done' and next_attempt_at <= :now
                                 order by next_attempt_at
                                 limit :limit
                                 for update skip locked) due
                         where e.id = due.id
                        returning e.id, e.client_id, e.step, e.attempts""")
                .bind("now", now).bind("leaseEnd", leaseEnd).bind("limit", limit)
                .map(row -> new Claimed(row.get("id", UUID.class), row.get("client_id", UUID.class),
                        Step.ofCode(row.get("step", String.class)), row.get("attempts", Integer.class)))
                .all();
    }

    /** Records that {@code done} succeeded; due again at once for the next step. False if it had moved on already. */
    Mono<Boolean> advance(UUID id, Step done, Instant now) {
        Step next = done.next();
        return database.sql("""
                        update erasure set step = :next, attempts = 0, last_problem = null, next_attempt_at = :now,
                                           completed_at = :completedAt
                         where id = :id and step = :done""")
                .bind("id", id).bind("done", done.code()).bind("next", next.code()).bind("now", now)
                .bind("completedAt", Parameter.fromOrEmpty(next == Step.DONE ? now : null, Instant.class))
                .fetch().rowsUpdated().map(rows -> rows == 1);
    }

    /** Records why the step failed and when to try it again (unless another instance finished it meanwhile). */
    Mono<Void> failed(UUID id, Step step, String problem, Instant retryAt) {
        return database.sql("update erasure set last_problem = :problem, next_attempt_at = :retryAt where id = :id and step = :step")
                .bind("id", id).bind("step", step.code()).bind("problem", problem).bind("retryAt", retryAt)
                .then();
    }

    /**
     * Records a service's answer for the client's erasure; the latest answer wins, an older one arriving late changes
     * nothing. False if there is no such erasure (a notes-only erasure by an operator, for example).
     */
    Mono<Boolean> recordPart(UUID clientId, String part, String status, @Nullable String reasonCode, Instant at) {
        DatabaseClient.GenericExecuteSpec update = database.sql("""
                        update erasure_part p set status = :status, reason_code = :reason, answered_at = :at
                          from erasure e
                         where e.id = p.erasure_id and e.client_id = :client and p.part = :part
                           and (p.answered_at is null or p.answered_at <= :at)""")
                .bind("client", clientId).bind("part", part).bind("status", status).bind("at", at);
        return update.bind("reason", Parameter.fromOrEmpty(reasonCode, String.class))
                .fetch().rowsUpdated().map(rows -> rows > 0);
    }

    private static Erasure read(Readable row) {
        return new Erasure(row.get("id", UUID.class), row.get("client_id", UUID.class), row.get("reason", String.class),
                row.get("reference", String.class), row.get("requested_by", UUID.class),
                row.get("requested_at", Instant.class), Step.ofCode(row.get("step", String.class)),
                row.get("attempts", Integer.class), row.get("next_attempt_at", Instant.class),
                row.get("last_problem", String.class), row.get("completed_at", Instant.class));
    }
}
