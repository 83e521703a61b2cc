package org.teletherapy.exercises.assignment;

import java.time.Instant;
import java.util.UUID;

/** An assignment that has just become overdue. */
public record OverdueAssignment(UUID id, UUID clientId, UUID therapistId, Instant dueAt) {
}
