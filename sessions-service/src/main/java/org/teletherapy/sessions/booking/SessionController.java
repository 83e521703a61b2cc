package org.teletherapy.sessions.booking;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.teletherapy.events.sessions.CancellationReason;
import org.teletherapy.service.idempotency.IdempotencyKeys;
import org.teletherapy.service.openapi.ProblemTypes;
import org.teletherapy.service.problem.ProblemException;
import org.teletherapy.service.security.Caller;
import org.teletherapy.service.security.Role;
import org.teletherapy.sessions.booking.BookingProblems.InvalidTransitionException;
import org.teletherapy.sessions.video.JoinLink;
import org.teletherapy.sessions.video.Participant;
import org.teletherapy.sessions.video.VideoRooms;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/sessions")
@PreAuthorize("hasAnyRole('CLIENT', 'THERAPIST')")
class SessionController {

    private final BookingService booking;
    private final SessionStore sessions;
    private final VideoRooms rooms;
    private final SessionViews views;

    SessionController(BookingService booking, SessionStore sessions, VideoRooms rooms, SessionViews views) {
        this.booking = booking;
        this.sessions = sessions;
        this.rooms = rooms;
        this.views = views;
    }

    /** The caller's own sessions, newest first: a client's bookings, or a therapist's appointments. */
    @GetMapping
    Flux<SessionView> mine(@AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.from(jwt);
        Participant viewer = Participant.from(jwt);
        Flux<Session> mine = caller.is(Role.THERAPIST) ? sessions.ofTherapist(caller.id()) : sessions.ofClient(caller.id());
        return mine.map(session -> views.of(session, viewer));
    }

    @ProblemTypes(notFound = "session-not-found")
    @GetMapping("/{id}")
    Mono<SessionView> one(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return booking.participantsSession(Caller.from(jwt), id)
                .map(session -> views.of(session, Participant.from(jwt)));
    }

    /** @param roomProtected false when the room is open to anyone with the link (no Jitsi token authentication) */
    record VideoRoom(String url, Instant closesAt, boolean roomProtected) {
    }

    /** The caller's room link, while the session can be joined: from shortly before its start until its end. */
    @ProblemTypes(notFound = "session-not-found", conflict = {"invalid-transition", "outside-join-window"})
    @GetMapping("/{id}/video")
    Mono<VideoRoom> video(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return booking.participantsSession(Caller.from(jwt), id).map(session -> {
            if (!Session.BOOKED.equals(session.status())) {
                throw new InvalidTransitionException("The session is " + session.status() + "; its room is closed.");
            }
            JoinLink link = SessionView.joinLink(session, rooms, Participant.from(jwt));
            if (!link.open()) {
                throw new OutsideJoinWindowException(link);
            }
            return new VideoRoom(link.url(), link.closesAt(), link.protectedRoom());
        });
    }

    @ProblemTypes(badRequest = "invalid-idempotency-key", forbidden = "not-on-roster", conflict = "slot-taken",
            unprocessable = {"start-in-past", "too-short-notice", "no-availability", "off-grid",
                    "beyond-booking-horizon", "idempotency-key-reused"})
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('CLIENT')")
    Mono<SessionView> book(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody BookingRequest request,
                           @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return booking.book(Caller.from(jwt), request.therapistId(), request.start(), IdempotencyKeys.check(idempotencyKey))
                .map(session -> views.of(session, Participant.from(jwt)));
    }

    @ProblemTypes(notFound = "session-not-found", conflict = "invalid-transition", unprocessable = "session-started")
    @PostMapping("/{id}/cancel")
    Mono<List<SessionView>> cancel(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
                                   @Valid @RequestBody CancelRequest request) {
        boolean andFollowing = CancelRequest.THIS_AND_FOLLOWING.equals(request.scope());
        return booking.cancel(Caller.from(jwt), id, request.reason(), andFollowing)
                .map(session -> views.of(session, Participant.from(jwt))).collectList();
    }

    @ProblemTypes(notFound = "session-not-found", forbidden = "not-on-roster", conflict = {"invalid-transition",
            "slot-taken"}, unprocessable = {"start-in-past", "too-short-notice", "no-availability", "off-grid",
            "beyond-booking-horizon", "session-started"})
    @PostMapping("/{id}/reschedule")
    Mono<SessionView> reschedule(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id,
                                 @Valid @RequestBody RescheduleRequest request) {
        return booking.reschedule(Caller.from(jwt), id, request.start())
                .map(session -> views.of(session, Participant.from(jwt)));
    }

    @ProblemTypes(notFound = "session-not-found", conflict = "invalid-transition")
    @PostMapping("/{id}/complete")
    @PreAuthorize("hasRole('THERAPIST')")
    Mono<SessionView> complete(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return booking.close(Caller.from(jwt), id, true).map(session -> views.of(session, Participant.from(jwt)));
    }

    @ProblemTypes(notFound = "session-not-found", conflict = "invalid-transition")
    @PostMapping("/{id}/no-show")
    @PreAuthorize("hasRole('THERAPIST')")
    Mono<SessionView> noShow(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return booking.close(Caller.from(jwt), id, false).map(session -> views.of(session, Participant.from(jwt)));
    }

    record BookingRequest(@NotNull UUID therapistId, @NotNull Instant start) {
    }

    /**
     * @param reason a reason code such as {@code illness} or {@code schedule-conflict}, never free text
     * @param scope  {@code this} (default) or {@code this-and-following} for a recurring series
     */
    record CancelRequest(@NotNull CancellationReason reason, String scope) {
        static final String THIS_AND_FOLLOWING = "this-and-following";
    }

    record RescheduleRequest(@NotNull Instant start) {
    }

    static final class OutsideJoinWindowException extends ProblemException {
        OutsideJoinWindowException(JoinLink link) {
            super(HttpStatus.CONFLICT, "outside-join-window", "Not joinable now",
                    "The room opens " + link.opensAt() + " and closes at the end.");
        }
    }
}
