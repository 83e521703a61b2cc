package org.teletherapy.events.roster;

import java.time.Instant;
import java.util.UUID;
import org.teletherapy.events.DomainEvent;

/** A therapist no longer treats a client; their access ends with this event. */
public record RosterUnlinked(
        UUID clientId,
        UUID therapistId,
        Instant occurredAt) implements DomainEvent {

    public static final String TYPE = "roster.unlinked";
}
