package org.teletherapy.exercises.assignment;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.util.UUID;

/** Homework a therapist gave a client. */
@Table("assignment")
record Assignment(@Id UUID id, UUID clientId, UUID therapistId, UUID templateId, String status, Instant dueAt,
                  Instant createdAt) {
}
