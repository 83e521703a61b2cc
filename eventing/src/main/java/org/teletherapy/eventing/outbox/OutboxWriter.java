package org.teletherapy.eventing.outbox;

import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import org.teletherapy.events.DomainEvent;
import org.teletherapy.events.EventJson;
import org.teletherapy.events.EventTypes;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * Appends an event to the outbox inside the caller's R2DBC transaction, so the event exists if and only if the state
 * change it describes was committed. The relay publishes it afterwards.
 */
public final class OutboxWriter {

    private final DatabaseClient database;
    private final EventJson json;

    public OutboxWriter(DatabaseClient database, EventJson json) {
        this.database = database;
        this.json = json;
    }

    /** Appends {@code event}; its CloudEvents subject is {@code subject} (e.g. the session id). */
    public Mono<UUID> append(DomainEvent event, @Nullable String subject) {
        String type = EventTypes.typeOf(event.getClass());
        UUID eventId = UUID.randomUUID();
        return requireTransaction()
                .then(database.sql("""
                                insert into eventing.outbox_event (event_id, topic, event_key, event_type, subject, payload, occurred_at)
                                values (:eventId, :topic, :key, :type, :subject, :payload, :occurredAt)""")
                        .bind("eventId", eventId)
                        .bind("topic", EventTypes.topicOf(type))
                        .bind("key", event.clientId().toString())
                        .bind("type", type)
                        .bind("subject", subject == null ? event.clientId().toString() : subject)
                        .bind("payload", json.write(event))
                        .bind("occurredAt", event.occurredAt())
                        .then())
                .thenReturn(eventId);
    }


    /** An event written outside a transaction could outlive a rolled-back change: refuse it loudly. */
    private static Mono<Void> requireTransaction() {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .filter(TransactionSynchronizationManager::isActualTransactionActive)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "OutboxWriter.append must run inside the transaction of the state change")))
                .onErrorMap(org.springframework.transaction.NoTransactionException.class, e -> new IllegalStateException(
                        "OutboxWriter.append must run inside the transaction of the state change", e))
                .then();
    }
}
