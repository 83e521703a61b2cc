package org.teletherapy.events.notes;

import java.time.Instant;
import java.util.UUID;
import org.teletherapy.events.DomainEvent;

/** A therapist signed a note, which makes it final; the text stays encrypted in notes-service. */
public record NoteSigned(
        UUID noteId,
        UUID sessionId,
        UUID clientId,
        UUID therapistId,
        NoteKind kind,
        Instant occurredAt) implements DomainEvent {

    public static final String TYPE = "note.signed";
}
