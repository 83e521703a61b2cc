package org.teletherapy.exercises.overdue;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.teletherapy.eventing.outbox.OutboxWriter;
import org.teletherapy.events.exercises.ExerciseOverdue;
import org.teletherapy.exercises.assignment.Assignments;
import org.teletherapy.exercises.assignment.OverdueAssignment;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;

/**
 * Moves assignments past their due time to overdue and announces each (exercise.overdue) exactly once. The
 * transition and its outbox row share one transaction, and the transition is a conditional update over rows locked
 * with SKIP LOCKED: a second instance running at the same moment either skips the rows or finds them overdue already,
 * so it can never announce them again.
 */
@Component
class OverdueSweep {

    private static final Logger log = LoggerFactory.getLogger(OverdueSweep.class);

    private final Assignments assignments;
    private final OutboxWriter outbox;
    private final TransactionalOperator transaction;
    private final OverdueProperties properties;
    private final Clock clock;
    private final Counter overdue;

    OverdueSweep(Assignments assignments, OutboxWriter outbox, TransactionalOperator transaction,
                 OverdueProperties properties, Clock clock, MeterRegistry meters) {
        this.assignments = assignments;
        this.outbox = outbox;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
        this.overdue = Counter.builder("teletherapy.exercises.overdue")
                .description("Assignments that passed their due time without being handed in").register(meters);
    }

    /** Runs batches until nothing is left that is due; returns how many assignments this run moved. */
    Mono<Long> run() {
        return batch()
                .expand(moved -> moved == properties.batchSize() ? batch() : Mono.empty())
                .reduce(0L, Long::sum)
                .doOnNext(total -> {
                    if (total > 0) {
                        log.info("{} assignments became overdue", total);
                    }
                });
    }

    private Mono<Long> batch() {
        Instant now = clock.instant();
        // The transition's rows are read to the end before the outbox inserts run: in one transaction they share a
        // connection, which cannot start a statement while another's result is still streaming.
        Flux<OverdueAssignment> announced = assignments.markOverdue(now, properties.batchSize())
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(assignment -> outbox.append(new ExerciseOverdue(assignment.id(), assignment.clientId(),
                        assignment.therapistId(), assignment.dueAt(), now), assignment.id().toString()).thenReturn(assignment));
        return transaction.transactional(announced.count())
                .doOnNext(overdue::increment);
    }
}
