package org.teletherapy.events.sessions;

import java.time.Instant;
import java.util.UUID;
import org.teletherapy.events.DomainEvent;

/** The client did not attend a booked session and did not cancel it. */
public record SessionNoShow(
        UUID sessionId,
        UUID clientId,
        UUID therapistId,
        Instant startsAt,
        Instant occurredAt) implements DomainEvent {

    public static final String TYPE = "session.noshow";
}
