package org.teletherapy.web.scores;

import java.time.Instant;
import java.util.UUID;

/** One scored questionnaire from {@code GET /api/v1/measures}: its total, maximum and band as the API gave them. */
record Measure(UUID responseId, String instrument, int totalScore, Integer maxScore, String severity,
               boolean needsFollowUp, Instant measuredAt) {
}
