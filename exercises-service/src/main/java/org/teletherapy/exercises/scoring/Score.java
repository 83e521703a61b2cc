package org.teletherapy.exercises.scoring;

import org.teletherapy.events.exercises.Instrument;

/**
 * The result of scoring one questionnaire response.
 *
 * @param severity            the instrument's published band, lower case with hyphens (as in {@code measure.scored})
 * @param needsSafetyFollowUp the response must reach a therapist at once, whatever the total
 */
public record Score(Instrument instrument, int total, String severity, boolean needsSafetyFollowUp) {
}
