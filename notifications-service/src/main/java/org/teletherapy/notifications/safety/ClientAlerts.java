package org.teletherapy.notifications.safety;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

import java.util.UUID;

/** What this service remembers of one client's safety alerts, for erasing it. */
@Component
public class ClientAlerts {

    private final DatabaseClient database;

    ClientAlerts(DatabaseClient database) {
        this.database = database;
    }

    /** Forgets the client's alerts; answers their ids, which their deliveries carry. */
    public Flux<UUID> forget(UUID clientId) {
        return database.sql("delete from safety_alert where client_id = :client returning id")
                .bind("client", clientId)
                .map(row -> row.get("id", UUID.class))
                .all();
    }
}
