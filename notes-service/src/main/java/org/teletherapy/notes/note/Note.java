package org.teletherapy.notes.note;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.util.UUID;

/** A clinical note's metadata. Its text is never a column of this table in plain (see the encryption feature). */
@Table("note")
record Note(@Id UUID id, UUID sessionId, UUID clientId, UUID authorId, String kind, String status,
            Instant createdAt, Instant updatedAt) {
}
