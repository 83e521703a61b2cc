package org.teletherapy.events.exercises;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.teletherapy.events.DomainEvent;

/**
 * A client's questionnaire was scored. Only the total and its band travel, never the answers.
 *
 * <p>{@code severity} is the instrument's published band, in lower case with hyphens: PHQ-9 {@code minimal},
 * {@code mild}, {@code moderate}, {@code moderately-severe}, {@code severe}; GAD-7 {@code minimal}, {@code mild},
 * {@code moderate}, {@code severe}. {@code assignmentId} is set when the questionnaire was assigned as homework.
 */
public record MeasureScored(
        UUID responseId,
        UUID clientId,
        UUID therapistId,
        @Nullable UUID assignmentId,
        Instrument instrument,
        int totalScore,
        String severity,
        Instant occurredAt) implements DomainEvent {

    public static final String TYPE = "measure.scored";
}
