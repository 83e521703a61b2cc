package org.teletherapy.notifications.session;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.util.UUID;

/** What this service remembers of one client's sessions, for erasing it. */
@Component
public class ClientSessions {

    private final DatabaseClient database;

    ClientSessions(DatabaseClient database) {
        this.database = database;
    }

    /** Forgets the client's sessions; answers every id deliveries may carry for them (session and calendar entry). */
    public Flux<UUID> forget(UUID clientId) {
        return database.sql("delete from known_session where client_id = :client returning id, uid_session_id")
                .bind("client", clientId)
                .map(row -> new UUID[] {row.get("id", UUID.class), row.get("uid_session_id", UUID.class)})
                .all()
                .flatMapIterable(java.util.List::of)
                .distinct();
    }
}
