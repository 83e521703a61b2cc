package org.teletherapy.exercises.safety;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * A safety alert as therapists see it. It says which response needs follow-up, not what was answered: the response
 * itself is read through its assignment.
 *
 * @param raisedAt when the client handed the response in: the clock of the follow-up starts then
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SafetyAlertView(UUID id, UUID responseId, UUID assignmentId, UUID clientId, String instrument, String status,
                       Instant raisedAt, @Nullable Instant acknowledgedAt, @Nullable UUID acknowledgedBy) {
}
