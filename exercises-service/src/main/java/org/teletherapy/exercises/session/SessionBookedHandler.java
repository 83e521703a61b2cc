package org.teletherapy.exercises.session;

import org.springframework.stereotype.Component;
import org.teletherapy.eventing.inbox.EventHandler;
import org.teletherapy.eventing.inbox.EventMetadata;
import org.teletherapy.events.sessions.SessionBooked;
import reactor.core.publisher.Mono;

/** A session was booked: homework can be prepared for it. */
@Component
class SessionBookedHandler implements EventHandler<SessionBooked> {

    private final KnownSessions sessions;

    SessionBookedHandler(KnownSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<SessionBooked> eventClass() {
        return SessionBooked.class;
    }

    @Override
    public Mono<Void> apply(SessionBooked event, EventMetadata metadata) {
        return sessions.record(event.sessionId(), event.clientId(), event.therapistId(), KnownSessions.Status.BOOKED,
                event.occurredAt());
    }
}
