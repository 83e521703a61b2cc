package org.teletherapy.exercises.session;

import org.springframework.stereotype.Component;
import org.teletherapy.eventing.inbox.EventHandler;
import org.teletherapy.eventing.inbox.EventMetadata;
import org.teletherapy.events.sessions.SessionNoShow;
import reactor.core.publisher.Mono;

/** The client did not come: homework linked to the session is not released by it. */
@Component
class SessionNoShowHandler implements EventHandler<SessionNoShow> {

    private final KnownSessions sessions;

    SessionNoShowHandler(KnownSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Class<SessionNoShow> eventClass() {
        return SessionNoShow.class;
    }

    @Override
    public Mono<Void> apply(SessionNoShow event, EventMetadata metadata) {
        return sessions.record(event.sessionId(), event.clientId(), event.therapistId(), KnownSessions.Status.NOSHOW,
                event.occurredAt());
    }
}
