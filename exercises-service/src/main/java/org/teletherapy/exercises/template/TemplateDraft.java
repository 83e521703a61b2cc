package org.teletherapy.exercises.template;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import java.util.List;

/** A template a therapist writes: what {@code POST /api/v1/exercise-templates} takes. */
record TemplateDraft(@NotBlank @Size(max = 200) String title,
                     @NotBlank @Size(max = 4000) String instructions,
                     @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid QuestionDraft> questions) {

    /**
     * @param id       optional; {@code q1}, {@code q2} … are given to questions without one
     * @param required defaults to true: homework questions are usually meant to be answered
     */
    record QuestionDraft(@Nullable String id, @NotNull QuestionType type, @NotBlank @Size(max = 1000) String prompt,
                         @Nullable Boolean required, @Nullable Integer min, @Nullable Integer max,
                         @Nullable @Size(max = 100) String minLabel, @Nullable @Size(max = 100) String maxLabel,
                         @Nullable Integer maxLength, @Nullable List<@NotNull @Valid OptionDraft> options) {
    }

    record OptionDraft(@NotNull JsonNode value, @NotBlank @Size(max = 200) String label) {
    }
}
