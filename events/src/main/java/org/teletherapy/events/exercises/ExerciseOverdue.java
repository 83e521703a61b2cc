package org.teletherapy.events.exercises;

import java.time.Instant;
import java.util.UUID;
import org.teletherapy.events.DomainEvent;

/** An assignment passed its due time without being submitted; published once per assignment. */
public record ExerciseOverdue(
        UUID assignmentId,
        UUID clientId,
        UUID therapistId,
        Instant dueAt,
        Instant occurredAt) implements DomainEvent {

    public static final String TYPE = "exercise.overdue";
}
