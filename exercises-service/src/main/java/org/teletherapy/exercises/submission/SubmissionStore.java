package org.teletherapy.exercises.submission;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.UUID;

/** Handed-in answers, sealed under the client's key. */
@Repository
class SubmissionStore {

    /** @param requestHash SHA-256 of the answers handed in with the key; null for hand-ins stored before it was kept */
    record Submission(UUID id, UUID assignmentId, UUID clientId, byte[] answers, @Nullable String idempotencyKey,
                      @Nullable String requestHash, Instant submittedAt) {

        boolean matches(@Nullable String hash) {
            return requestHash == null || requestHash.equals(hash);
        }
    }

    private final DatabaseClient database;

    SubmissionStore(DatabaseClient database) {
        this.database = database;
    }

    Mono<Void> insert(Submission submission) {
        DatabaseClient.GenericExecuteSpec insert = database.sql("""
                        insert into submission (id, assignment_id, client_id, answers, idempotency_key, request_hash,
                                                submitted_at)
                        values (:id, :assignment, :client, :answers, :key, :hash, :at)""")
                .bind("id", submission.id())
                .bind("assignment", submission.assignmentId())
                .bind("client", submission.clientId())
                .bind("answers", submission.answers())
                .bind("at", submission.submittedAt());
        return insert.bind("key", Parameter.fromOrEmpty(submission.idempotencyKey(), String.class))
                .bind("hash", Parameter.fromOrEmpty(submission.requestHash(), String.class)).then();
    }

    Mono<Submission> ofAssignment(UUID assignmentId) {
        return database.sql("select * from submission where assignment_id = :assignment")
                .bind("assignment", assignmentId)
                .map(row -> new Submission(row.get("id", UUID.class), row.get("assignment_id", UUID.class),
                        row.get("client_id", UUID.class), row.get("answers", byte[].class),
                        row.get("idempotency_key", String.class), row.get("request_hash", String.class),
                        row.get("submitted_at", Instant.class)))
                .one();
    }
}
