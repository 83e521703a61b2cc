package org.teletherapy.sessions.erasure;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.ErrorResponseException;
import org.teletherapy.eventing.outbox.OutboxWriter;
import org.teletherapy.events.accounts.ClientErased;
import org.teletherapy.events.sessions.Actor;
import org.teletherapy.events.sessions.CancellationReason;
import org.teletherapy.sessions.booking.BookingService;
import org.teletherapy.sessions.booking.SessionStore;
import org.teletherapy.sessions.calendar.CalendarFeeds;
import org.teletherapy.sessions.roster.RosterStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Does the steps of sessions-service's part of each due erasure, one step per claim: disable the account; cancel
 * the client's future sessions ({@code client-erased}, through the booking code, so {@code session.cancelled} goes
 * out), unlink every roster entry (the roster is where the client's name was kept), revoke their calendar feed and
 * publish {@code client.erased}, all in one transaction; remove the account. A failed step is tried again after a
 * growing pause, for as long as it takes (Keycloak away for a day is still retried); a restart resumes at the
 * recorded step, and an instance that died mid-step loses its claim when the lease ends.
 */
@Component
class ErasureRunner {

    private static final Logger log = LoggerFactory.getLogger(ErasureRunner.class);
    private static final String PROBLEM_PREFIX = "urn:teletherapy:problem:";

    private final ErasureStore store;
    private final ClientAccounts accounts;
    private final SessionStore sessions;
    private final BookingService booking;
    private final RosterStore roster;
    private final CalendarFeeds calendar;
    private final OutboxWriter outbox;
    private final TransactionalOperator transaction;
    private final ErasureProperties properties;
    private final Clock clock;
    private final MeterRegistry meters;

    ErasureRunner(ErasureStore store, ClientAccounts accounts, SessionStore sessions, BookingService booking,
                  RosterStore roster, CalendarFeeds calendar, OutboxWriter outbox, TransactionalOperator transaction,
                  ErasureProperties properties, Clock clock, MeterRegistry meters) {
        this.store = store;
        this.accounts = accounts;
        this.sessions = sessions;
        this.booking = booking;
        this.roster = roster;
        this.calendar = calendar;
        this.outbox = outbox;
        this.transaction = transaction;
        this.properties = properties;
        this.clock = clock;
        this.meters = meters;
    }

    /** Runs steps until nothing more is due (or every due step failed); gives how many steps succeeded. */
    Mono<Long> runDue() {
        return runOnce()
                .expand(succeeded -> succeeded > 0 ? runOnce() : Mono.empty())
                .reduce(0L, Long::sum);
    }

    /** Claims the due erasures and does the next step of each; gives how many steps succeeded. */
    Mono<Long> runOnce() {
        Instant now = clock.instant();
        // The claim's rows are read to the end before any step runs; each step then uses connections of its own.
        return store.claim(now, now.plus(properties.lease()), properties.batchSize())
                .collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(claimed -> step(claimed)
                        .then(Mono.fromRunnable(() -> count(claimed.step(), "done")).thenReturn(1L))
                        .onErrorResume(failure -> failed(claimed, failure).thenReturn(0L)))
                .reduce(0L, Long::sum);
    }

    private Mono<Void> step(ErasureStore.Claimed claimed) {
        UUID clientId = claimed.clientId();
        return switch (claimed.step()) {
            case DISABLE_ACCOUNT -> accounts.disable(clientId).then(advance(claimed));
            case ERASE_SESSIONS -> transaction.transactional(eraseSessions(claimed));
            case REMOVE_ACCOUNT -> accounts.remove(clientId).then(advance(claimed))
                    .doOnSuccess(done -> log.info("erasure {}: sessions-service's part is done", claimed.id()));
            case DONE -> Mono.empty();
        };
    }

    /**
     * Everything sessions-service keeps about the client goes, or stays as a bare id: their future sessions are
     * cancelled (past ones stay with their therapist's record, under the client's id only), their roster links are
     * removed with the names they carried, their calendar feed stops. {@code client.erased} is the last event of
     * the transaction, so consumers see the cancellations and unlinks first (one topic, keyed by the client).
     */
    private Mono<Void> eraseSessions(ErasureStore.Claimed claimed) {
        UUID clientId = claimed.clientId();
        Instant now = clock.instant();
        Mono<Void> cancelled = sessions.futureBookedOf(clientId, now).collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(session -> booking.cancelOne(session, Actor.SYSTEM, CancellationReason.CLIENT_ERASED))
                .then();
        Mono<Void> unlinked = roster.therapistIdsOf(clientId).collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(therapist -> roster.unlink(therapist, clientId))
                .then();
        return cancelled
                .then(unlinked)
                .then(calendar.revoke(clientId))
                .then(outbox.append(new ClientErased(clientId, now), clientId.toString()))
                .then(store.advance(claimed.id(), Step.ERASE_SESSIONS, now))
                // Another instance did this step meanwhile: roll back, or client.erased would go out twice.
                .flatMap(advanced -> advanced ? Mono.<Void>empty()
                        : Mono.<Void>error(new IllegalStateException("erasure step done elsewhere")));
    }

    private Mono<Void> advance(ErasureStore.Claimed claimed) {
        return store.advance(claimed.id(), claimed.step(), clock.instant()).then();
    }

    private Mono<Void> failed(ErasureStore.Claimed claimed, Throwable failure) {
        String problem = problemOf(failure);
        Instant retryAt = clock.instant().plus(properties.backoff(claimed.attempts()));
        count(claimed.step(), "failed");
        // Ids and the problem's kind only: an exception's message may quote what Keycloak said about the person.
        log.warn("erasure {}: step {} failed (attempt {}, {}); trying again at {}", claimed.id(), claimed.step().code(),
                claimed.attempts(), problem, retryAt);
        return store.failed(claimed.id(), claimed.step(), problem, retryAt)
                .onErrorResume(unrecorded -> Mono.empty()); // the lease ends anyway; the step is due again then
    }

    private static String problemOf(Throwable failure) {
        if (failure instanceof ErrorResponseException response) {
            URI type = response.getBody().getType();
            if (type != null && type.toString().startsWith(PROBLEM_PREFIX)) {
                return type.toString().substring(PROBLEM_PREFIX.length());
            }
        }
        return "step-failed";
    }

    private void count(Step step, String outcome) {
        Counter.builder("teletherapy.erasures.steps").tag("step", step.code()).tag("outcome", outcome)
                .register(meters).increment();
    }
}
