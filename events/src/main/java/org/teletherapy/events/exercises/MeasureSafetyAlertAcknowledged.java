package org.teletherapy.events.exercises;

import org.teletherapy.events.DomainEvent;

import java.time.Instant;
import java.util.UUID;

/**
 * A therapist acknowledged a safety alert: someone is following the client up, so an escalation waiting for it (in
 * notifications-service) stands down. Published once per alert, for the first acknowledgement.
 */
public record MeasureSafetyAlertAcknowledged(
        UUID alertId,
        UUID clientId,
        UUID therapistId,
        Instant occurredAt) implements DomainEvent {

    public static final String TYPE = "measure.safety-alert-acknowledged";
}
