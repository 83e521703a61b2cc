package org.teletherapy.exercises.submission;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A handed-in response. For a questionnaire it carries the score and its band; {@code followUp} is set when the
 * answers need a therapist's follow-up, with words for the client about getting help now.
 *
 * @param answers present when a response is read back, not in the answer to handing it in
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SubmissionResult(UUID id, UUID assignmentId, Instant submittedAt, @Nullable String instrument,
                        @Nullable Integer score, @Nullable Integer maxScore, @Nullable String severity,
                        @Nullable FollowUp followUp, @Nullable Map<String, JsonNode> answers) {

    record FollowUp(boolean therapistNotified, String message) {

        static final FollowUp SAFETY = new FollowUp(true, "Thank you for answering honestly. Your therapist has been "
                + "told and will follow up with you. If you are thinking about harming yourself or feel unsafe right "
                + "now, please call your local emergency number or a crisis line straight away.");
    }

    SubmissionResult withAnswers(@Nullable Map<String, JsonNode> answers) {
        return new SubmissionResult(id, assignmentId, submittedAt, instrument, score, maxScore, severity, followUp, answers);
    }
}
