package org.teletherapy.exercises.assignment;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import org.teletherapy.exercises.template.ExerciseTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An assignment as the API shows it. Lists leave out the template and the draft; a client's own view of one
 * assignment has both (a draft is the client's alone until handed in). {@code instances} comes with a new recurring
 * assignment.
 *
 * @param fromLastSession the homework belongs to the client's most recent session ("from your last session")
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record AssignmentView(UUID id, UUID clientId, UUID therapistId, UUID templateId, String templateTitle, String kind,
                      @Nullable String instrument, AssignmentStatus status, @Nullable String instructions,
                      Instant dueAt, Instant availableFrom, @Nullable UUID sessionId, boolean fromLastSession,
                      @Nullable UUID seriesId, @Nullable Instant startedAt, @Nullable Instant submittedAt,
                      @Nullable Instant overdueAt, @Nullable Instant reviewedAt, @Nullable String reviewComment,
                      Instant createdAt, @Nullable ExerciseTemplate template,
                      @Nullable Map<String, JsonNode> draftAnswers, @Nullable List<Instance> instances) {

    record Instance(UUID id, Instant availableFrom, Instant dueAt) {
    }

    static AssignmentView of(Assignment assignment, @Nullable String instructions, @Nullable String reviewComment) {
        ExerciseTemplate template = assignment.template();
        return new AssignmentView(assignment.id(), assignment.clientId(), assignment.therapistId(),
                assignment.templateId(), template.title(), template.kind().wire(), template.instrumentName(),
                assignment.status(), instructions, assignment.dueAt(), assignment.availableFrom(),
                assignment.sessionId(), assignment.fromLastSession(), assignment.seriesId(), assignment.startedAt(),
                assignment.submittedAt(), assignment.overdueAt(), assignment.reviewedAt(), reviewComment,
                assignment.createdAt(), null, null, null);
    }

    AssignmentView withDetails(ExerciseTemplate template, @Nullable Map<String, JsonNode> draftAnswers) {
        return new AssignmentView(id, clientId, therapistId, templateId, templateTitle, kind, instrument, status,
                instructions, dueAt, availableFrom, sessionId, fromLastSession, seriesId, startedAt, submittedAt,
                overdueAt, reviewedAt, reviewComment, createdAt, template, draftAnswers, null);
    }

    AssignmentView withInstances(List<Instance> instances) {
        return new AssignmentView(id, clientId, therapistId, templateId, templateTitle, kind, instrument, status,
                instructions, dueAt, availableFrom, sessionId, fromLastSession, seriesId, startedAt, submittedAt,
                overdueAt, reviewedAt, reviewComment, createdAt, template, draftAnswers, instances);
    }
}
