package org.teletherapy.exercises.submission;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.teletherapy.eventing.outbox.OutboxWriter;
import org.teletherapy.events.exercises.ExerciseSubmitted;
import org.teletherapy.exercises.scoring.Instruments;
import org.teletherapy.exercises.assignment.AssignmentProblems;
import org.teletherapy.exercises.assignment.AssignmentRef;
import org.teletherapy.exercises.assignment.Assignments;
import org.teletherapy.exercises.measure.MeasureRecord;
import org.teletherapy.exercises.measure.Measures;
import org.teletherapy.exercises.safety.SafetyAlerts;
import org.teletherapy.exercises.scoring.QuestionnaireScoring;
import org.teletherapy.exercises.scoring.Score;
import org.teletherapy.exercises.template.AnswerCheck;
import org.teletherapy.exercises.template.ExerciseTemplate;
import org.teletherapy.exercises.template.TemplateKind;
import org.teletherapy.exercises.template.Templates;
import org.teletherapy.exercises.vault.ClientContent;
import org.teletherapy.exercises.vault.ClientErasedException;
import org.teletherapy.service.idempotency.IdempotencyKeys.IdempotencyKeyReusedException;
import org.teletherapy.service.security.Caller;
import org.teletherapy.service.security.Role;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Handing homework in. Answers are checked against the template, questionnaires are scored, and the hand-in, its
 * events, the score and any safety alert commit together or not at all.
 */
@Service
class SubmissionService {

    static final String ANSWERS = "submission-answers/v1";

    private final Assignments assignments;
    private final Templates templates;
    private final SubmissionStore store;
    private final Measures measures;
    private final SafetyAlerts safetyAlerts;
    private final ClientContent content;
    private final OutboxWriter outbox;
    private final TransactionalOperator transaction;
    private final Clock clock;
    private final MeterRegistry meters;

    SubmissionService(Assignments assignments, Templates templates, SubmissionStore store, Measures measures,
                      SafetyAlerts safetyAlerts, ClientContent content, OutboxWriter outbox,
                      TransactionalOperator transaction, Clock clock, MeterRegistry meters) {
        this.assignments = assignments;
        this.templates = templates;
        this.store = store;
        this.measures = measures;
        this.safetyAlerts = safetyAlerts;
        this.content = content;
        this.outbox = outbox;
        this.transaction = transaction;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * @param idempotencyKey a retry with the key of a hand-in that went through gets that hand-in's result again; the
     *                       same key with other answers is refused
     */
    Mono<SubmissionResult> submit(Caller client, UUID assignmentId, Map<String, JsonNode> answers,
                                  @Nullable String idempotencyKey) {
        String requestHash = idempotencyKey == null ? null : AnswersHash.of(answers);
        return assignments.visibleToClient(assignmentId, client.id())
                .switchIfEmpty(Mono.error(AssignmentProblems.AssignmentNotFoundException::new))
                .flatMap(assignment -> assignment.status().isOpen()
                        ? templates.find(assignment.templateId())
                                .flatMap(template -> handIn(assignment, template, answers, idempotencyKey, requestHash))
                                // Two tries of one hand-in at the same moment: the one that lost gets the winner's result.
                                .onErrorResume(AssignmentProblems.AlreadySubmittedException.class,
                                        e -> idempotencyKey == null ? Mono.error(e) : replay(assignment, idempotencyKey, requestHash))
                        : replay(assignment, idempotencyKey, requestHash));
    }

    private Mono<SubmissionResult> handIn(AssignmentRef assignment, ExerciseTemplate template,
                                          Map<String, JsonNode> answers, @Nullable String idempotencyKey,
                                          @Nullable String requestHash) {
        AnswerCheck.require(template, answers, AnswerCheck.Mode.SUBMISSION);
        Optional<Score> score = score(template, answers);
        UUID responseId = UUID.randomUUID();
        Instant now = clock.instant();
        Mono<Optional<UUID>> stored = assignments.markSubmitted(assignment.id(), now)
                .flatMap(submitted -> submitted ? Mono.<Void>empty()
                        : Mono.error(new AssignmentProblems.AlreadySubmittedException()))
                .then(content.sealAnswers(assignment.clientId(), ANSWERS, responseId, answers))
                .flatMap(sealed -> store.insert(new SubmissionStore.Submission(responseId, assignment.id(),
                        assignment.clientId(), sealed, idempotencyKey, requestHash, now)))
                .then(outbox.append(new ExerciseSubmitted(assignment.id(), assignment.clientId(),
                        assignment.therapistId(), assignment.dueAt(), now), assignment.id().toString()))
                .then(score.map(scored -> scoreAndAlert(assignment, responseId, scored, now))
                        .orElse(Mono.just(Optional.empty())));
        return transaction.transactional(stored)
                .doOnNext(alert -> counted(template, assignment, now, score, responseId, alert))
                .map(alert -> result(responseId, assignment.id(), now, score.orElse(null)));
    }

    private Mono<Optional<UUID>> scoreAndAlert(AssignmentRef assignment, UUID responseId, Score score, Instant now) {
        Mono<Void> recorded = measures.record(responseId, assignment.id(), assignment.clientId(),
                assignment.therapistId(), score, now);
        if (!score.needsSafetyFollowUp()) {
            return recorded.thenReturn(Optional.empty());
        }
        return recorded.then(safetyAlerts.raise(responseId, assignment.id(), assignment.clientId(),
                        assignment.therapistId(), score.instrument(), now))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty());
    }

    /** Scored items are single choices whose values are the item scores 0–3; the check above made sure of that. */
    private static Optional<Score> score(ExerciseTemplate template, Map<String, JsonNode> answers) {
        if (template.kind() != TemplateKind.QUESTIONNAIRE || template.instrument() == null) {
            return Optional.empty();
        }
        Map<String, Integer> items = new HashMap<>();
        for (String item : QuestionnaireScoring.itemIds(template.instrument())) {
            JsonNode answer = answers.get(item);
            if (answer != null && answer.isNumber()) {
                items.put(item, answer.asInt());
            }
        }
        return Optional.of(QuestionnaireScoring.score(template.instrument(), items));
    }

    /**
     * A retry of a hand-in that went through gets its result again; its key with other answers is refused; anything
     * else finds it already handed in.
     */
    private Mono<SubmissionResult> replay(AssignmentRef assignment, @Nullable String idempotencyKey,
                                          @Nullable String requestHash) {
        if (idempotencyKey == null) {
            return Mono.error(new AssignmentProblems.AlreadySubmittedException());
        }
        return store.ofAssignment(assignment.id())
                .filter(submission -> idempotencyKey.equals(submission.idempotencyKey()))
                .switchIfEmpty(Mono.error(AssignmentProblems.AlreadySubmittedException::new))
                .flatMap(submission -> submission.matches(requestHash) ? resultOf(submission)
                        : Mono.error(new IdempotencyKeyReusedException()));
    }

    /** The response of an assignment, answers included, for the client or the therapist it belongs to. */
    Mono<SubmissionResult> read(Caller caller, UUID assignmentId) {
        Mono<AssignmentRef> assignment = caller.is(Role.THERAPIST)
                ? assignments.assignedBy(assignmentId, caller.id())
                : assignments.visibleToClient(assignmentId, caller.id());
        return assignment
                .switchIfEmpty(Mono.error(AssignmentProblems.AssignmentNotFoundException::new))
                .flatMap(ref -> store.ofAssignment(ref.id()))
                .flatMap(submission -> resultOf(submission).zipWith(
                        content.openAnswers(submission.clientId(), ANSWERS, submission.id(), submission.answers())
                                .map(Optional::of)
                                .onErrorResume(ClientErasedException.class, e -> Mono.just(Optional.empty())),
                        (result, opened) -> result.withAnswers(opened.orElse(null))));
    }

    private Mono<SubmissionResult> resultOf(SubmissionStore.Submission submission) {
        return measures.forResponse(submission.id())
                .map(measure -> result(submission.id(), submission.assignmentId(), submission.submittedAt(), measure))
                .defaultIfEmpty(new SubmissionResult(submission.id(), submission.assignmentId(), submission.submittedAt(),
                        null, null, null, null, null, null));
    }

    private static SubmissionResult result(UUID responseId, UUID assignmentId, Instant submittedAt, @Nullable Score score) {
        if (score == null) {
            return new SubmissionResult(responseId, assignmentId, submittedAt, null, null, null, null, null, null);
        }
        return new SubmissionResult(responseId, assignmentId, submittedAt, Instruments.name(score.instrument()),
                score.total(), QuestionnaireScoring.maxTotal(score.instrument()), score.severity(),
                score.needsSafetyFollowUp() ? SubmissionResult.FollowUp.SAFETY : null, null);
    }

    private static SubmissionResult result(UUID responseId, UUID assignmentId, Instant submittedAt, MeasureRecord measure) {
        return new SubmissionResult(responseId, assignmentId, submittedAt, measure.instrument(), measure.totalScore(),
                measure.maxScore(), measure.severity(), measure.needsFollowUp() ? SubmissionResult.FollowUp.SAFETY : null,
                null);
    }

    private void counted(ExerciseTemplate template, AssignmentRef assignment, Instant now, Optional<Score> score,
                         UUID responseId, Optional<UUID> alert) {
        Counter.builder("teletherapy.exercises.submitted")
                .description("Homework handed in")
                .tag("kind", template.kind().wire())
                .tag("late", String.valueOf(now.isAfter(assignment.dueAt())))
                .register(meters)
                .increment();
        score.ifPresent(measures::countScored);
        alert.ifPresent(alertId -> safetyAlerts.raised(alertId, responseId, score.orElseThrow().instrument()));
    }
}
