package org.teletherapy.exercises.session;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.teletherapy.eventing.inbox.EventHandler;
import org.teletherapy.eventing.inbox.EventMetadata;
import org.teletherapy.events.sessions.SessionRescheduled;
import reactor.core.publisher.Mono;

/**
 * A moved session is a new one and the old one will not take place. Homework waiting for the old one follows it to
 * the new time, so it is still released when the session is held.
 */
@Component
class SessionRescheduledHandler implements EventHandler<SessionRescheduled> {

    private final KnownSessions sessions;
    private final DatabaseClient database;

    SessionRescheduledHandler(KnownSessions sessions, DatabaseClient database) {
        this.sessions = sessions;
        this.database = database;
    }

    @Override
    public Class<SessionRescheduled> eventClass() {
        return SessionRescheduled.class;
    }

    @Override
    public Mono<Void> apply(SessionRescheduled event, EventMetadata metadata) {
        return sessions.record(event.originalSessionId(), event.clientId(), event.therapistId(),
                        KnownSessions.Status.CANCELLED, event.occurredAt())
                .then(sessions.record(event.sessionId(), event.clientId(), event.therapistId(),
                        KnownSessions.Status.BOOKED, event.occurredAt()))
                .then(database.sql("""
                                update assignment set session_id = :moved
                                 where session_id = :original and client_id = :client and released_at is null""")
                        .bind("moved", event.sessionId())
                        .bind("original", event.originalSessionId())
                        .bind("client", event.clientId())
                        .then());
    }
}
