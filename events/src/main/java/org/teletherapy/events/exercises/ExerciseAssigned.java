package org.teletherapy.events.exercises;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.teletherapy.events.DomainEvent;

/** A therapist gave a client homework from a template, optionally as part of a session. */
public record ExerciseAssigned(
        UUID assignmentId,
        UUID templateId,
        UUID clientId,
        UUID therapistId,
        @Nullable UUID sessionId,
        Instant dueAt,
        Instant occurredAt) implements DomainEvent {

    public static final String TYPE = "exercise.assigned";
}
