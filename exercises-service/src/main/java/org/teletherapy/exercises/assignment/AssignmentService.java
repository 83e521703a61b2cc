package org.teletherapy.exercises.assignment;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.teletherapy.eventing.outbox.OutboxWriter;
import org.teletherapy.events.exercises.ExerciseAssigned;
import org.teletherapy.exercises.roster.Roster;
import org.teletherapy.exercises.session.KnownSessions;
import org.teletherapy.exercises.template.AnswerCheck;
import org.teletherapy.exercises.template.ExerciseTemplate;
import org.teletherapy.exercises.template.Templates;
import org.teletherapy.exercises.vault.ClientContent;
import org.teletherapy.exercises.vault.ClientErasedException;
import org.teletherapy.exercises.vault.UnreadableContentException;
import org.teletherapy.service.security.Caller;
import org.teletherapy.service.security.Role;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Giving homework, showing it to the people it belongs to, saving drafts and reviewing what was handed in. */
@Service
class AssignmentService {

    static final String INSTRUCTIONS = "assignment-instructions/v1";
    static final String DRAFT = "assignment-draft/v1";
    static final String REVIEW = "assignment-review/v1";

    private static final Logger log = LoggerFactory.getLogger(AssignmentService.class);

    private final AssignmentStore store;
    private final Templates templates;
    private final Roster roster;
    private final KnownSessions sessions;
    private final ClientContent content;
    private final OutboxWriter outbox;
    private final TransactionalOperator transaction;
    private final AssignmentProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Counter reviewed;

    AssignmentService(AssignmentStore store, Templates templates, Roster roster, KnownSessions sessions, ClientContent content,
                      OutboxWriter outbox, TransactionalOperator transaction, AssignmentProperties properties,
                      Clock clock, MeterRegistry meters) {
        this.store = store;
        this.templates = templates;
        this.roster = roster;
        this.sessions = sessions;
        this.content = content;
        this.outbox = outbox;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
        this.reviewed = Counter.builder("teletherapy.exercises.reviewed")
                .description("Handed-in homework a therapist reviewed").register(meters);
    }

    /** Creates the assignment, or one instance per period of a recurring one; the first instance comes back first. */
    Mono<AssignmentView> assign(UUID therapistId, AssignRequest request) {
        Instant now = clock.instant();
        if (!request.dueAt().isAfter(now)) {
            return Mono.error(new AssignmentProblems.DueDateInPastException());
        }
        List<Recurrence.Instance> instances;
        try {
            instances = Recurrence.instances(request.recurrence(), request.dueAt(), now, properties.maxInstances());
        } catch (AssignmentProblems.InvalidRecurrenceException e) {
            return Mono.error(e);
        }
        UUID seriesId = instances.size() > 1 ? UUID.randomUUID() : null;
        return templates.usableBy(request.templateId(), therapistId)
                .flatMap(template -> requireOnRoster(therapistId, request.clientId()).thenReturn(template))
                .flatMap(template -> releasedAt(therapistId, request, now)
                        .flatMap(released -> transaction.transactional(Flux.fromIterable(instances)
                                        .concatMap(instance -> create(therapistId, request, instance, seriesId,
                                                released.orElse(null), now))
                                        .collectList())
                                .doOnSuccess(created -> countAssigned(template, created.size()))))
                .flatMap(created -> store.assignedBy(created.get(0).id(), therapistId)
                        .flatMap(this::view)
                        .map(first -> created.size() == 1 ? first : first.withInstances(created)));
    }

    private Mono<Void> requireOnRoster(UUID therapistId, UUID clientId) {
        return roster.isOnRoster(therapistId, clientId)
                .flatMap(onRoster -> onRoster ? Mono.<Void>empty() : Mono.error(new AssignmentProblems.ClientNotOnRosterException()));
    }

    /**
     * Homework without a session is the client's at once; homework for a session becomes visible once the session
     * took place (now, if session.completed already arrived). The session must be one between this therapist and
     * this client that sessions-service announced; an unknown one and someone else's get the same answer, so no
     * therapist learns which ids exist. A session booked a moment ago may not have arrived yet: that is the same
     * refusal, and a retry shortly after succeeds (homework is not kept waiting for a session that may never come).
     */
    private Mono<Optional<Instant>> releasedAt(UUID therapistId, AssignRequest request, Instant now) {
        if (request.sessionId() == null) {
            return Mono.just(Optional.of(now));
        }
        return sessions.find(request.sessionId())
                .filter(session -> session.clientId().equals(request.clientId()) && session.therapistId().equals(therapistId))
                .switchIfEmpty(Mono.error(AssignmentProblems.SessionMismatchException::new))
                .flatMap(session -> switch (session.status()) {
                    case COMPLETED -> Mono.just(Optional.of(now));
                    case BOOKED -> Mono.just(Optional.<Instant>empty());
                    case CANCELLED, NOSHOW -> Mono.<Optional<Instant>>error(new AssignmentProblems.SessionNotHeldException());
                });
    }

    private Mono<AssignmentView.Instance> create(UUID therapistId, AssignRequest request, Recurrence.Instance instance,
                                                 @Nullable UUID seriesId, @Nullable Instant releasedAt, Instant now) {
        UUID id = UUID.randomUUID();
        return content.sealText(request.clientId(), INSTRUCTIONS, id, request.instructions())
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(instructions -> store.insert(new AssignmentStore.NewAssignment(id, request.clientId(),
                        therapistId, request.templateId(), instance.dueAt(), instance.availableFrom(), releasedAt,
                        seriesId, request.sessionId(), instructions.orElse(null), now)))
                .then(outbox.append(new ExerciseAssigned(id, request.templateId(), request.clientId(), therapistId,
                        request.sessionId(), instance.dueAt(), now), id.toString()))
                .thenReturn(new AssignmentView.Instance(id, instance.availableFrom(), instance.dueAt()));
    }

    /** A client's homework (released to them), or the homework a therapist gave their current clients. */
    Flux<AssignmentView> list(Caller caller, @Nullable UUID clientId, @Nullable AssignmentStatus status) {
        Flux<Assignment> assignments = caller.is(Role.THERAPIST)
                ? store.assignedBy(caller.id(), clientId, status)
                : store.visibleToClient(caller.id(), clock.instant(), status);
        return assignments.concatMap(this::view);
    }

    Mono<AssignmentView> one(Caller caller, UUID id) {
        if (caller.is(Role.THERAPIST)) {
            return readableBy(caller, id)
                    .flatMap(assignment -> view(assignment).map(view -> view.withDetails(assignment.template(), null)));
        }
        return readableBy(caller, id)
                .flatMap(assignment -> Mono.zip(view(assignment),
                                readable(content.openAnswers(assignment.clientId(), DRAFT, assignment.id(), assignment.draftAnswers()), assignment.id()))
                        .map(parts -> parts.getT1().withDetails(assignment.template(), parts.getT2().orElse(null))));
    }

    /** Keeps the client's work in progress; answers given must already fit their questions. */
    Mono<AssignmentView> saveDraft(Caller client, UUID id, Map<String, JsonNode> answers) {
        return readableBy(client, id)
                .flatMap(assignment -> requireOpen(assignment)
                        .then(Mono.fromRunnable(() -> AnswerCheck.require(assignment.template(), answers, AnswerCheck.Mode.DRAFT)))
                        .then(transaction.transactional(content.sealAnswers(client.id(), DRAFT, id, answers)
                                .flatMap(sealed -> store.saveDraft(id, sealed, clock.instant())))))
                .flatMap(saved -> saved ? one(client, id) : Mono.error(new AssignmentProblems.AlreadySubmittedException()));
    }

    Mono<AssignmentView> review(Caller therapist, UUID id, @Nullable String comment) {
        return readableBy(therapist, id)
                .flatMap(assignment -> switch (assignment.status()) {
                    case SUBMITTED -> transaction.transactional(content.sealText(assignment.clientId(), REVIEW, id, comment)
                            .map(Optional::of)
                            .defaultIfEmpty(Optional.empty())
                            .flatMap(sealed -> store.markReviewed(id, therapist.id(), sealed.orElse(null), clock.instant())));
                    case REVIEWED -> Mono.error(new AssignmentProblems.AlreadyReviewedException());
                    default -> Mono.error(new AssignmentProblems.NotSubmittedException());
                })
                .flatMap(done -> done ? Mono.fromRunnable(reviewed::increment).then(one(therapist, id))
                        : Mono.error(new AssignmentProblems.AlreadyReviewedException()));
    }

    private Mono<Assignment> readableBy(Caller caller, UUID id) {
        Mono<Assignment> assignment = caller.is(Role.THERAPIST)
                ? store.assignedBy(id, caller.id())
                : store.visibleToClient(id, caller.id(), clock.instant());
        return assignment.switchIfEmpty(Mono.error(AssignmentProblems.AssignmentNotFoundException::new));
    }

    private static Mono<Void> requireOpen(Assignment assignment) {
        return assignment.status().isOpen() ? Mono.empty() : Mono.error(new AssignmentProblems.AlreadySubmittedException());
    }

    private Mono<AssignmentView> view(Assignment assignment) {
        return Mono.zip(
                        readable(content.openText(assignment.clientId(), INSTRUCTIONS, assignment.id(), assignment.instructions()), assignment.id()),
                        readable(content.openText(assignment.clientId(), REVIEW, assignment.id(), assignment.reviewComment()), assignment.id()))
                .map(texts -> AssignmentView.of(assignment, texts.getT1().orElse(null), texts.getT2().orElse(null)));
    }

    /** Sealed content of an erased client is gone for good; a ciphertext that fails to authenticate is left out, and logged by id. */
    private static <T> Mono<Optional<T>> readable(Mono<T> opened, UUID assignmentId) {
        return opened.map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .onErrorResume(ClientErasedException.class, e -> Mono.just(Optional.empty()))
                .onErrorResume(UnreadableContentException.class, e -> {
                    log.warn("sealed content of assignment {} could not be read: {}", assignmentId, e.getMessage());
                    return Mono.just(Optional.empty());
                });
    }

    private void countAssigned(ExerciseTemplate template, int instances) {
        Counter.builder("teletherapy.exercises.assigned")
                .description("Assignments created (each instance of a recurring one counts)")
                .tag("kind", template.kind().wire())
                .register(meters)
                .increment(instances);
    }
}
