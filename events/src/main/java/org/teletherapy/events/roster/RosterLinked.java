package org.teletherapy.events.roster;

import java.time.Instant;
import java.util.UUID;
import org.teletherapy.events.DomainEvent;

/** A therapist now treats a client, and so may see and write about them. */
public record RosterLinked(
        UUID clientId,
        UUID therapistId,
        Instant occurredAt) implements DomainEvent {

    public static final String TYPE = "roster.linked";
}
