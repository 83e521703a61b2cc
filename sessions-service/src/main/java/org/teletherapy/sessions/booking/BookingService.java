package org.teletherapy.sessions.booking;

import io.micrometer.core.instrument.MeterRegistry;
import io.r2dbc.spi.R2dbcException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.teletherapy.eventing.outbox.OutboxWriter;
import org.teletherapy.events.sessions.Actor;
import org.teletherapy.events.sessions.CancellationReason;
import org.teletherapy.events.sessions.SessionBooked;
import org.teletherapy.events.sessions.SessionCancelled;
import org.teletherapy.events.sessions.SessionCompleted;
import org.teletherapy.events.sessions.SessionNoShow;
import org.teletherapy.events.sessions.SessionRescheduled;
import org.teletherapy.service.idempotency.IdempotencyKeys;
import org.teletherapy.service.idempotency.IdempotencyKeys.IdempotencyKeyReusedException;
import org.teletherapy.service.security.Caller;
import org.teletherapy.service.security.Role;
import org.teletherapy.sessions.availability.SlotRules;
import org.teletherapy.sessions.booking.BookingProblems.InvalidTransitionException;
import org.teletherapy.sessions.booking.BookingProblems.NotAllowedException;
import org.teletherapy.sessions.booking.BookingProblems.NotBookableException;
import org.teletherapy.sessions.booking.BookingProblems.NotOnRosterException;
import org.teletherapy.sessions.booking.BookingProblems.SessionNotFoundException;
import org.teletherapy.sessions.booking.BookingProblems.SessionStartedException;
import org.teletherapy.sessions.booking.BookingProblems.SlotTakenException;
import org.teletherapy.sessions.availability.Availability;
import org.teletherapy.sessions.availability.AvailabilityStore;
import org.teletherapy.sessions.availability.SlotCalculator;
import org.teletherapy.sessions.roster.RosterStore;
import org.teletherapy.sessions.video.VideoRooms;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Booking, cancelling, rescheduling and closing sessions; every change and its event commit together. */
@Service
public class BookingService {

    /** PostgreSQL's exclusion_violation: the database refused an overlapping session. */
    private static final String EXCLUSION_VIOLATION = "23P01";
    private static final String UNIQUE_VIOLATION = "23505";

    private final SessionStore sessions;
    private final AvailabilityStore availability;
    private final RosterStore roster;
    private final VideoRooms rooms;
    private final OutboxWriter outbox;
    private final TransactionalOperator transaction;
    private final SlotRules slots;
    private final BookingRules rules;
    private final Clock clock;
    private final MeterRegistry meters;

    BookingService(SessionStore sessions, AvailabilityStore availability, RosterStore roster, VideoRooms rooms,
                   OutboxWriter outbox, TransactionalOperator transaction, SlotRules slots, BookingRules rules, Clock clock,
                   MeterRegistry meters) {
        this.sessions = sessions;
        this.availability = availability;
        this.roster = roster;
        this.rooms = rooms;
        this.outbox = outbox;
        this.transaction = transaction;
        this.slots = slots;
        this.rules = rules;
        this.clock = clock;
        this.meters = meters;
    }

    /**
     * Books {@code start} with the therapist for the calling client. A repeated idempotency key returns the first
     * result if the request is the same; a key reused for another request is refused.
     */
    Mono<Session> book(Caller client, UUID therapistId, Instant start, String idempotencyKey) {
        if (idempotencyKey == null) {
            return bookOnce(client, therapistId, start, null, null);
        }
        String requestHash = IdempotencyKeys.requestHash(therapistId, start);
        return replay(client.id(), idempotencyKey, requestHash)
                .switchIfEmpty(Mono.defer(() -> bookOnce(client, therapistId, start, idempotencyKey, requestHash)))
                // A concurrent retry with the same key won the race: answer with its session.
                .onErrorResume(e -> isSqlState(e, UNIQUE_VIOLATION), e -> replay(client.id(), idempotencyKey, requestHash));
    }

    private Mono<Session> replay(UUID clientId, String idempotencyKey, String requestHash) {
        return sessions.bookingForIdempotencyKey(clientId, idempotencyKey)
                .flatMap(earlier -> earlier.matches(requestHash) ? sessions.find(earlier.sessionId())
                        : Mono.error(new IdempotencyKeyReusedException()));
    }

    private Mono<Session> bookOnce(Caller client, UUID therapistId, Instant start, String idempotencyKey,
                                   String requestHash) {
        return bookable(client.id(), therapistId, start)
                .map(found -> newSession(therapistId, client.id(), start, found, null, null, 0))
                .flatMap(session -> transaction.transactional(sessions.insert(session)
                                .then(idempotencyKey == null ? Mono.empty()
                                        : sessions.rememberIdempotencyKey(client.id(), idempotencyKey, requestHash, session.id()))
                                .then(outbox.append(booked(session), session.id().toString()))
                                .thenReturn(session))
                        .onErrorMap(e -> isSqlState(e, EXCLUSION_VIOLATION), e -> new SlotTakenException()))
                .doOnSuccess(session -> meters.counter("teletherapy.sessions.booked").increment());
    }

    /** Checks notice, horizon, roster, availability and grid for a start; gives the therapist's availability. */
    Mono<Availability> bookable(UUID clientId, UUID therapistId, Instant start) {
        Instant now = clock.instant();
        if (!start.isAfter(now)) {
            return Mono.error(new NotBookableException("start-in-past", "The start lies in the past."));
        }
        if (start.isBefore(now.plus(slots.minimumNotice()))) {
            return Mono.error(new NotBookableException("too-short-notice",
                    "Sessions must be booked at least " + slots.minimumNotice().toHours() + " hours ahead."));
        }
        if (beyondHorizon(start)) {
            return Mono.error(beyondHorizonProblem());
        }
        return roster.isLinked(therapistId, clientId)
                .flatMap(linked -> linked ? availability.find(therapistId)
                        .switchIfEmpty(Mono.error(() -> new NotBookableException("no-availability",
                                "The therapist has not published availability yet.")))
                        : Mono.error(new NotOnRosterException()))
                .flatMap(found -> SlotCalculator.isOnGrid(found, start) ? Mono.just(found)
                        : Mono.error(new NotBookableException("off-grid",
                        "The start is not one of the therapist's slot times (see the slots endpoint).")));
    }

    /** Slots are offered at most {@code bookingHorizon} ahead; nothing later can be booked either. */
    boolean beyondHorizon(Instant start) {
        return start.isAfter(clock.instant().plus(slots.bookingHorizon()));
    }

    NotBookableException beyondHorizonProblem() {
        return new NotBookableException("beyond-booking-horizon", "Sessions can be booked at most "
                + slots.bookingHorizon().toDays() + " days ahead.");
    }

    Session newSession(UUID therapistId, UUID clientId, Instant start, Availability found, UUID seriesId,
                       UUID rescheduledFrom, int rescheduleCount) {
        Instant end = start.plus(found.sessionLength());
        return new Session(UUID.randomUUID(), therapistId, clientId, start, end, end.plus(found.buffer()), Session.BOOKED,
                seriesId, rescheduledFrom, rescheduleCount, rooms.newRoom(), null, null, null, null);
    }

    SessionBooked booked(Session session) {
        return new SessionBooked(session.id(), session.clientId(), session.therapistId(), session.startsAt(),
                session.endsAt(), clock.instant());
    }

    /** The session, if the caller takes part in it; otherwise it does not exist for them. */
    Mono<Session> participantsSession(Caller caller, UUID id) {
        return sessions.find(id).filter(session -> session.hasParticipant(caller.id()))
                .switchIfEmpty(Mono.error(SessionNotFoundException::new));
    }

    /** Cancels one session, or with {@code andFollowing} it and the later sessions of its series. */
    Flux<Session> cancel(Caller caller, UUID id, CancellationReason reason, boolean andFollowing) {
        return participantsSession(caller, id).flatMapMany(session -> {
            if (!Session.BOOKED.equals(session.status())) {
                return Flux.error(new InvalidTransitionException("Only a booked session can be cancelled; this one is "
                        + session.status() + "."));
            }
            Flux<Session> targets = andFollowing && session.seriesId() != null
                    ? sessions.bookedInSeriesFrom(session.seriesId(), session.startsAt())
                    : Flux.just(session);
            Actor actor = caller.is(Role.THERAPIST) && session.therapistId().equals(caller.id()) ? Actor.THERAPIST : Actor.CLIENT;
            if (actor == Actor.CLIENT && started(session)) {
                return Flux.error(new SessionStartedException("cancelled"));
            }
            return transaction.transactional(targets.concatMap(target -> cancelOne(target, actor, reason)));
        });
    }

    /** Cancels inside the caller's transaction; used by cancellation and by leaving the roster. */
    public Mono<Void> cancelOne(UUID sessionId, Actor actor, CancellationReason reason) {
        return sessions.find(sessionId).flatMap(session -> cancelOne(session, actor, reason)).then();
    }

    private Mono<Session> cancelOne(Session session, Actor actor, CancellationReason reason) {
        boolean late = Duration.between(clock.instant(), session.startsAt()).compareTo(rules.lateCancellationWindow()) < 0;
        return sessions.cancel(session.id(), actorName(actor), code(reason), late)
                .switchIfEmpty(Mono.error(() -> new InvalidTransitionException("The session is no longer booked.")))
                .flatMap(cancelled -> outbox.append(new SessionCancelled(cancelled.id(), cancelled.clientId(),
                                cancelled.therapistId(), cancelled.startsAt(), actor, reason, late, clock.instant()),
                        cancelled.id().toString()).thenReturn(cancelled))
                .doOnSuccess(cancelled -> meters.counter("teletherapy.sessions.cancelled", "late", String.valueOf(late),
                        "by", actorName(actor)).increment());
    }

    /** Moves a session in one step: the old one is cancelled, the new one links back to it. */
    Mono<Session> reschedule(Caller caller, UUID id, Instant newStart) {
        return participantsSession(caller, id).flatMap(old -> {
            if (!Session.BOOKED.equals(old.status())) {
                return Mono.error(new InvalidTransitionException("Only a booked session can be rescheduled."));
            }
            if (old.rescheduleCount() >= rules.maxReschedules()) {
                return Mono.error(new InvalidTransitionException("This session was already rescheduled "
                        + old.rescheduleCount() + " times, the most allowed."));
            }
            Actor actor = caller.id().equals(old.therapistId()) ? Actor.THERAPIST : Actor.CLIENT;
            if (actor == Actor.CLIENT && started(old)) {
                return Mono.error(new SessionStartedException("rescheduled"));
            }
            return bookable(old.clientId(), old.therapistId(), newStart)
                    .flatMap(found -> {
                        Session moved = newSession(old.therapistId(), old.clientId(), newStart, found, old.seriesId(),
                                old.id(), old.rescheduleCount() + 1);
                        return transaction.transactional(sessions.cancel(old.id(), actorName(actor), "rescheduled", false)
                                .switchIfEmpty(Mono.error(() -> new InvalidTransitionException("The session is no longer booked.")))
                                .then(sessions.insert(moved))
                                .then(outbox.append(new SessionRescheduled(moved.id(), old.id(), old.clientId(),
                                        old.therapistId(), old.startsAt(), moved.startsAt(), moved.endsAt(), actor,
                                        clock.instant()), moved.id().toString()))
                                .thenReturn(moved));
                    })
                    .onErrorMap(e -> isSqlState(e, EXCLUSION_VIOLATION), e -> new SlotTakenException())
                    .doOnSuccess(moved -> meters.counter("teletherapy.sessions.rescheduled").increment());
        });
    }

    /** The therapist closes a session that has started: it took place, or the client did not come. */
    /** How it went can be recorded once the session has begun: not before, when it could still be cancelled or moved. */
    static Instant closableFrom(Session session) {
        return session.startsAt();
    }

    Mono<Session> close(Caller caller, UUID id, boolean attended) {
        return participantsSession(caller, id).flatMap(session -> {
            if (!session.therapistId().equals(caller.id())) {
                return Mono.error(new NotAllowedException("Only the session's therapist can record how it went."));
            }
            if (clock.instant().isBefore(closableFrom(session))) {
                return Mono.error(new InvalidTransitionException("The session has not started yet."));
            }
            String status = attended ? Session.FULFILLED : Session.NO_SHOW;
            return transaction.transactional(sessions.finish(id, status)
                    .switchIfEmpty(Mono.error(() -> new InvalidTransitionException(
                            "Only a booked session can be completed or marked as a no-show; this one is " + session.status() + ".")))
                    .flatMap(closed -> outbox.append(attended
                            ? new SessionCompleted(closed.id(), closed.clientId(), closed.therapistId(), closed.startsAt(),
                                    closed.endsAt(), clock.instant())
                            : new SessionNoShow(closed.id(), closed.clientId(), closed.therapistId(), closed.startsAt(),
                                    clock.instant()), closed.id().toString()).thenReturn(closed)))
                    .doOnSuccess(closed -> meters.counter(attended ? "teletherapy.sessions.completed"
                            : "teletherapy.sessions.noshow").increment());
        });
    }

    /**
     * From its start on a session belongs to its therapist: they complete it or record a no-show (or cancel it, when
     * it could not take place on their side). A client cancelling or moving it then would escape the no-show.
     */
    private boolean started(Session session) {
        return !clock.instant().isBefore(session.startsAt());
    }

    static String actorName(Actor actor) {
        return actor.name().toLowerCase();
    }

    static String code(CancellationReason reason) {
        return reason.name().toLowerCase().replace('_', '-');
    }

    static boolean isSqlState(Throwable error, String state) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof R2dbcException r2dbc && state.equals(r2dbc.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}
