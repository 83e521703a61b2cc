package org.teletherapy.exercises.assignment;

import org.jspecify.annotations.Nullable;
import org.teletherapy.exercises.template.ExerciseTemplate;

import java.time.Instant;
import java.util.UUID;

/**
 * Homework a therapist gave a client: one row of {@code assignment}, with what is written in it still sealed.
 *
 * @param releasedAt     when the client could first see it; null while its session has not taken place
 * @param fromLastSession it belongs to the client's most recent completed session
 * @param template       what was assigned, as the template library has it
 */
record Assignment(UUID id, UUID clientId, UUID therapistId, UUID templateId, AssignmentStatus status, Instant dueAt,
                  Instant availableFrom, @Nullable Instant releasedAt, @Nullable UUID seriesId,
                  @Nullable UUID sessionId, boolean fromLastSession, byte @Nullable [] instructions,
                  byte @Nullable [] draftAnswers, @Nullable Instant startedAt, @Nullable Instant submittedAt,
                  @Nullable Instant overdueAt, @Nullable Instant reviewedAt, @Nullable UUID reviewedBy,
                  byte @Nullable [] reviewComment, Instant createdAt, ExerciseTemplate template) {

    AssignmentRef ref() {
        return new AssignmentRef(id, clientId, therapistId, templateId, status, dueAt, sessionId, submittedAt);
    }
}
