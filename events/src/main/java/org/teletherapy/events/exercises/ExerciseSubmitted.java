package org.teletherapy.events.exercises;

import java.time.Instant;
import java.util.UUID;
import org.teletherapy.events.DomainEvent;

/** A client handed in an assignment; what they wrote stays in exercises-service. */
public record ExerciseSubmitted(
        UUID assignmentId,
        UUID clientId,
        UUID therapistId,
        Instant dueAt,
        Instant occurredAt) implements DomainEvent {

    public static final String TYPE = "exercise.submitted";
}
