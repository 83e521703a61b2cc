package org.teletherapy.exercises.template;

import tools.jackson.databind.JsonNode;

/**
 * One option of a single-choice question. The answer is the option's {@code value}: a string, or a number where the
 * option carries a score (the questionnaires' 0–3).
 */
public record ChoiceOption(JsonNode value, String label) {
}
