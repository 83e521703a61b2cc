package org.teletherapy.events.sessions;

import java.time.Instant;
import java.util.UUID;
import org.teletherapy.events.DomainEvent;

/**
 * A booked session moved to another time. {@code originalSessionId} links back to the session as first booked, so
 * consumers can follow a session moved several times (it equals {@code sessionId} when the id was kept).
 */
public record SessionRescheduled(
        UUID sessionId,
        UUID originalSessionId,
        UUID clientId,
        UUID therapistId,
        Instant previousStartsAt,
        Instant startsAt,
        Instant endsAt,
        Actor rescheduledBy,
        Instant occurredAt) implements DomainEvent {

    public static final String TYPE = "session.rescheduled";
}
