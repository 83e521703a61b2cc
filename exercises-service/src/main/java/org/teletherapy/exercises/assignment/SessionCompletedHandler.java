package org.teletherapy.exercises.assignment;

import org.springframework.stereotype.Component;
import org.teletherapy.eventing.inbox.EventHandler;
import org.teletherapy.eventing.inbox.EventMetadata;
import org.teletherapy.events.sessions.SessionCompleted;
import org.teletherapy.exercises.session.KnownSessions;
import reactor.core.publisher.Mono;

import java.time.Clock;

/** Homework prepared for a session reaches the client once the session took place, as "from your last session". */
@Component
class SessionCompletedHandler implements EventHandler<SessionCompleted> {

    private final AssignmentStore store;
    private final KnownSessions sessions;
    private final Clock clock;

    SessionCompletedHandler(AssignmentStore store, KnownSessions sessions, Clock clock) {
        this.store = store;
        this.sessions = sessions;
        this.clock = clock;
    }

    @Override
    public Class<SessionCompleted> eventClass() {
        return SessionCompleted.class;
    }

    @Override
    public Mono<Void> apply(SessionCompleted event, EventMetadata metadata) {
        return sessions.completed(event)
                .then(store.sessionCompleted(event.sessionId(), event.clientId(), event.therapistId(), event.endsAt(),
                        clock.instant()))
                .then();
    }
}
