package org.teletherapy.exercises.template;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import java.util.List;

/**
 * One question of a template. {@code min}/{@code max} (and their labels) belong to scales, {@code options} to single
 * choices, {@code maxLength} to text.
 *
 * @param id short stable name ({@code item9}, {@code boundary}); answers are keyed by it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Question(String id, QuestionType type, String prompt, boolean required,
                       @Nullable Integer min, @Nullable Integer max, @Nullable String minLabel,
                       @Nullable String maxLabel, @Nullable Integer maxLength, @Nullable List<ChoiceOption> options) {

    /** Longest text answer when a question sets no limit of its own. */
    public static final int DEFAULT_MAX_TEXT_LENGTH = 10_000;

    public int textLimit() {
        return maxLength == null ? DEFAULT_MAX_TEXT_LENGTH : maxLength;
    }

    public List<ChoiceOption> choices() {
        return options == null ? List.of() : options;
    }
}
