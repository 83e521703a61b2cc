package org.teletherapy.eventing.testapp;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.teletherapy.eventing.outbox.OutboxWriter;
import reactor.core.publisher.Mono;

import java.util.UUID;

/** The test service's write path: its state change and the event, in one transaction. */
@Component
public class Bookings {

    private final DatabaseClient database;
    private final TransactionalOperator transaction;
    private final OutboxWriter outbox;

    Bookings(DatabaseClient database, TransactionalOperator transaction, OutboxWriter outbox) {
        this.database = database;
        this.transaction = transaction;
        this.outbox = outbox;
    }

    public Mono<UUID> book(UUID clientId) {
        UUID sessionId = UUID.randomUUID();
        return transaction.transactional(database.sql("insert into booking (session_id, client_id) values (:s, :c)")
                        .bind("s", sessionId).bind("c", clientId).then()
                        .then(outbox.append(TestEvents.booked(sessionId, clientId), sessionId.toString())))
                .thenReturn(sessionId);
    }

    public Mono<UUID> bookButFail(UUID clientId) {
        UUID sessionId = UUID.randomUUID();
        return transaction.transactional(database.sql("insert into booking (session_id, client_id) values (:s, :c)")
                .bind("s", sessionId).bind("c", clientId).then()
                .then(outbox.append(TestEvents.booked(sessionId, clientId), sessionId.toString()))
                .then(Mono.error(new IllegalStateException("the booking failed after the event was written"))));
    }

}
