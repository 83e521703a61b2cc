package org.teletherapy.sessions.booking;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.teletherapy.service.security.Caller;
import org.teletherapy.service.security.Role;
import reactor.core.publisher.Flux;

import java.time.Instant;
import java.util.UUID;

@RestController
@RequestMapping("/api/v1/sessions")
class SessionController {

    private final SessionRepository sessions;

    SessionController(SessionRepository sessions) {
        this.sessions = sessions;
    }

    /** The caller's own sessions, newest first: a client's bookings, or a therapist's appointments. */
    @GetMapping
    @PreAuthorize("hasAnyRole('CLIENT', 'THERAPIST')")
    Flux<SessionView> mine(@AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.from(jwt);
        Flux<Session> mine = caller.is(Role.THERAPIST)
                ? sessions.findByTherapistIdOrderByStartsAtDesc(caller.id())
                : sessions.findByClientIdOrderByStartsAtDesc(caller.id());
        return mine.map(SessionView::of);
    }

    record SessionView(UUID id, UUID therapistId, UUID clientId, Instant start, Instant end, String status) {

        static SessionView of(Session session) {
            return new SessionView(session.id(), session.therapistId(), session.clientId(), session.startsAt(),
                    session.endsAt(), session.status());
        }
    }
}
