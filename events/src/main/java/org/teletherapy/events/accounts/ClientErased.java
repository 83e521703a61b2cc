package org.teletherapy.events.accounts;

import java.time.Instant;
import java.util.UUID;
import org.teletherapy.events.DomainEvent;

/**
 * An operator erased a client: their account is gone and their future sessions are cancelled. Consumers destroy the
 * client's keys, which makes everything encrypted under them unreadable.
 */
public record ClientErased(
        UUID clientId,
        Instant occurredAt) implements DomainEvent {

    public static final String TYPE = "client.erased";
}
