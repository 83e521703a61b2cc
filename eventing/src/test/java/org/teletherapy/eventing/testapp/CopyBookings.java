package org.teletherapy.eventing.testapp;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.teletherapy.eventing.inbox.EventHandler;
import org.teletherapy.eventing.inbox.EventMetadata;
import org.teletherapy.events.sessions.SessionBooked;
import reactor.core.publisher.Mono;

/** The consuming side: every applied event leaves one row, so duplicates would be visible. */
@Component
class CopyBookings implements EventHandler<SessionBooked> {

    private final DatabaseClient database;

    CopyBookings(DatabaseClient database) {
        this.database = database;
    }

    @Override
    public Class<SessionBooked> eventClass() {
        return SessionBooked.class;
    }

    @Override
    public Mono<Void> apply(SessionBooked event, EventMetadata metadata) {
        return database.sql("insert into booking_copy (session_id, client_id) values (:s, :c)")
                .bind("s", event.sessionId()).bind("c", event.clientId()).then();
    }
}
