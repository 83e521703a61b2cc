package org.teletherapy.exercises.template;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.teletherapy.events.exercises.Instrument;
import org.teletherapy.exercises.scoring.Instruments;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A piece of homework a therapist can assign: built into the platform ({@code ownerId} null, with a stable
 * {@code key}) or written by one therapist for their own use.
 *
 * @param instrument  set for the scored questionnaires only
 * @param attribution the copyright and permission statement a published instrument asks to be shown with it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExerciseTemplate(UUID id, @Nullable String key, @Nullable UUID ownerId, TemplateKind kind,
                               @Nullable Instrument instrument, String title, String instructions,
                               List<Question> questions, @Nullable String attribution) {

    @JsonIgnore
    public boolean isBuiltIn() {
        return ownerId == null;
    }

    /** Built-in templates are everyone's; a therapist's own are theirs alone. */
    public boolean usableBy(UUID therapistId) {
        return ownerId == null || ownerId.equals(therapistId);
    }

    /** The instrument's name as the API and the database write it; null for homework that is not scored. */
    @JsonIgnore
    public @Nullable String instrumentName() {
        return instrument == null ? null : Instruments.name(instrument);
    }

    public Optional<Question> question(String questionId) {
        return questions.stream().filter(question -> question.id().equals(questionId)).findFirst();
    }
}
