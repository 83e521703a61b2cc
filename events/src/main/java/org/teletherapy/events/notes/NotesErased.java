package org.teletherapy.events.notes;

import org.teletherapy.events.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/** notes-service destroyed a client's data key: every note about them is unreadable from now on (crypto-shredding). */
public record NotesErased(
        UUID clientId,
        long notesErased,
        Instant occurredAt) implements DomainEvent {

    public static final String TYPE = "notes.erased";
}
