package org.teletherapy.events.sessions;

import java.time.Instant;
import java.util.UUID;
import org.teletherapy.events.DomainEvent;

/**
 * A booked session will not take place. {@code late} is decided by sessions-service's cancellation policy when the
 * cancellation happens, so every consumer counts late cancellations the same way.
 */
public record SessionCancelled(
        UUID sessionId,
        UUID clientId,
        UUID therapistId,
        Instant startsAt,
        Actor cancelledBy,
        CancellationReason reasonCode,
        boolean late,
        Instant occurredAt) implements DomainEvent {

    public static final String TYPE = "session.cancelled";
}
