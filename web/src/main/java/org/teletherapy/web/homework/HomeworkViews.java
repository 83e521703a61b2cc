package org.teletherapy.web.homework;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the homework pages read from exercises-service (through the gateway); unknown fields are ignored, so the API
 * can grow. Answers and option values stay as the API wrote them (a number, a string or a boolean). Public, because
 * the therapist's pages show the same homework as its client sees it ({@link HomeworkAsClientSees}).
 */
public final class HomeworkViews {

    private HomeworkViews() {
    }

    /** One assignment: in a list without template and draft, on its own with both (the draft is the client's). */
    public record Assignment(UUID id, String templateTitle, String kind, String instrument, String status,
                      String instructions, Instant dueAt, Instant availableFrom, boolean fromLastSession,
                      Instant submittedAt, Instant reviewedAt, String reviewComment, Template template,
                      Map<String, Object> draftAnswers) {

        /** As it stands once the API took the hand-in (201): submitted. */
        Assignment handedIn(Instant at) {
            return new Assignment(id, templateTitle, kind, instrument, "submitted", instructions, dueAt, availableFrom,
                    fromLastSession, at, reviewedAt, reviewComment, template, null);
        }

        boolean open() {
            // The API's open states: the client can still work on it and hand it in.
            return "assigned".equals(status) || "in-progress".equals(status) || "overdue".equals(status);
        }
    }

    /** @param instrument PHQ-9 or GAD-7 for the scored questionnaires */
    public record Template(UUID id, String kind, String instrument, String title, String instructions,
                    List<Question> questions, String attribution) {
    }

    /** @param type {@code text}, {@code scale}, {@code single-choice} or {@code yes-no} */
    public record Question(String id, String type, String prompt, boolean required, Integer min, Integer max,
                    String minLabel, String maxLabel, Integer maxLength, List<Option> options) {

        List<Option> choices() {
            return options == null ? List.of() : options;
        }
    }

    public record Option(Object value, String label) {
    }

    /**
     * A hand-in; for a questionnaire with its score and band. {@code followUp} is the API's word that the answers need
     * a therapist's follow-up (PHQ-9 item 9 above 0) and whether the therapist has been told.
     */
    public record Submission(UUID id, UUID assignmentId, Instant submittedAt, String instrument, Integer score,
                      Integer maxScore, String severity, FollowUp followUp, Map<String, Object> answers) {
    }

    public record FollowUp(boolean therapistNotified, String message) {
    }
}
