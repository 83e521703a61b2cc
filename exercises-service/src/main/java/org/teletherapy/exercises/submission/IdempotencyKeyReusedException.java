package org.teletherapy.exercises.submission;

import org.springframework.http.HttpStatus;
import org.teletherapy.exercises.ExercisesProblem;
import org.teletherapy.exercises.FieldProblem;

import java.util.List;

/** The key of an earlier hand-in came with other answers: not a retry, so not answered with the first result. */
final class IdempotencyKeyReusedException extends ExercisesProblem {

    IdempotencyKeyReusedException() {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
                "This Idempotency-Key was used for a hand-in with other answers. Use a new key for a new request.",
                List.of(new FieldProblem(SubmissionController.IDEMPOTENCY_KEY, "reused", "Used before with other answers.")));
    }
}
