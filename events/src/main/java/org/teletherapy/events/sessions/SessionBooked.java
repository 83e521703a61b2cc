package org.teletherapy.events.sessions;

import java.time.Instant;
import java.util.UUID;
import org.teletherapy.events.DomainEvent;

/** A client and a therapist have a session at a time. */
public record SessionBooked(
        UUID sessionId,
        UUID clientId,
        UUID therapistId,
        Instant startsAt,
        Instant endsAt,
        Instant occurredAt) implements DomainEvent {

    public static final String TYPE = "session.booked";
}
