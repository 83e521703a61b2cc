package org.teletherapy.exercises.session;

import org.springframework.stereotype.Component;
import org.teletherapy.eventing.inbox.EventHandler;
import org.teletherapy.eventing.inbox.EventMetadata;
import org.teletherapy.events.sessions.SessionCancelled;
import reactor.core.publisher.Mono;

/** A cancelled session will not take place: no homework is linked to it any more. */
@Component
class SessionCancelledHandler implements EventHandler<SessionCancelled> {

    private final KnownSessions sessions;

    SessionCancelledHandler(KnownSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<SessionCancelled> eventClass() {
        return SessionCancelled.class;
    }

    @Override
    public Mono<Void> apply(SessionCancelled event, EventMetadata metadata) {
        return sessions.record(event.sessionId(), event.clientId(), event.therapistId(), KnownSessions.Status.CANCELLED,
                event.occurredAt());
    }
}
