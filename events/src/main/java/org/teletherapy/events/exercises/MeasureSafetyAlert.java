package org.teletherapy.events.exercises;

import java.time.Instant;
import java.util.UUID;
import org.teletherapy.events.DomainEvent;

/**
 * A questionnaire response needs the therapist's follow-up whatever its total (PHQ-9 item 9 above zero). The event
 * says only that an alert exists; the therapist reads the response in exercises-service and acknowledges the alert
 * there.
 */
public record MeasureSafetyAlert(
        UUID alertId,
        UUID responseId,
        UUID clientId,
        UUID therapistId,
        Instrument instrument,
        Instant occurredAt) implements DomainEvent {

    public static final String TYPE = "measure.safety-alert";
}
