package org.teletherapy.events.sessions;

import java.time.Instant;
import java.util.UUID;
import org.teletherapy.events.DomainEvent;

/** A session took place; from now on its therapist owes a note about it. */
public record SessionCompleted(
        UUID sessionId,
        UUID clientId,
        UUID therapistId,
        Instant startsAt,
        Instant endsAt,
        Instant occurredAt) implements DomainEvent {

    public static final String TYPE = "session.completed";
}
