package org.teletherapy.exercises.assignment;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/** What other features need to know of an assignment: its people, template, state and times. */
public record AssignmentRef(UUID id, UUID clientId, UUID therapistId, UUID templateId, AssignmentStatus status,
                            Instant dueAt, @Nullable UUID sessionId, @Nullable Instant submittedAt) {
}
