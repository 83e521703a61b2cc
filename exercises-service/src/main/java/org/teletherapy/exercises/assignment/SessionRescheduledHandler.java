package org.teletherapy.exercises.assignment;

import org.springframework.stereotype.Component;
import org.teletherapy.eventing.inbox.EventHandler;
import org.teletherapy.eventing.inbox.EventMetadata;
import org.teletherapy.events.sessions.SessionRescheduled;
import org.teletherapy.exercises.session.KnownSessions;
import reactor.core.publisher.Mono;

/**
 * A moved session is a new one and the old one will not take place. Homework waiting for the old one follows it to
 * the new time, so it is still released when the session is held.
 */
@Component
class SessionRescheduledHandler implements EventHandler<SessionRescheduled> {

    private final AssignmentStore store;
    private final KnownSessions sessions;

    SessionRescheduledHandler(AssignmentStore store, KnownSessions sessions) {
        this.store = store;
        this.sessions = sessions;
    }

    @Override
    public Class<SessionRescheduled> eventClass() {
        return SessionRescheduled.class;
    }

    @Override
    public Mono<Void> apply(SessionRescheduled event, EventMetadata metadata) {
        return sessions.rescheduled(event)
                .then(store.followRescheduledSession(event.originalSessionId(), event.sessionId(), event.clientId()));
    }
}
