package org.teletherapy.exercises.measure;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * One scored questionnaire, as charts show it: the total and band, never the answers.
 *
 * @param needsFollowUp the response needed a therapist's follow-up (PHQ-9 item 9 above zero)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MeasureRecord(UUID responseId, UUID assignmentId, UUID clientId, String instrument, int totalScore,
                            String severity, boolean needsFollowUp, Instant measuredAt, @Nullable Integer maxScore) {
}
