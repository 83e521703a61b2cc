package org.teletherapy.eventing.outbox;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.observation.transport.SenderContext;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import org.teletherapy.events.DomainEvent;
import org.teletherapy.events.EventJson;
import org.teletherapy.events.EventTypes;
import reactor.core.publisher.Mono;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Appends an event to the outbox inside the caller's R2DBC transaction, so the event exists if and only if the state
 * change it describes was committed. The relay publishes it afterwards.
 * <p>
 * The row also keeps the W3C {@code traceparent} of the request that caused it: the relay publishes the event in
 * that trace, so a booking and its consumers in other services form one trace although the send happens later, on
 * another thread.
 */
public final class OutboxWriter {

    static final String TRACEPARENT = "traceparent";

    private final DatabaseClient database;
    private final EventJson json;
    private final ObservationRegistry observations;

    public OutboxWriter(DatabaseClient database, EventJson json, ObservationRegistry observations) {
        this.database = database;
        this.json = json;
        this.observations = observations;
    }

    /** Appends {@code event}; its CloudEvents subject is {@code subject} (e.g. the session id). */
    public Mono<UUID> append(DomainEvent event, @Nullable String subject) {
        String type = EventTypes.typeOf(event.getClass());
        UUID eventId = UUID.randomUUID();
        return requireTransaction()
                .then(Mono.deferContextual(reactorContext -> {
                    SenderContext<Map<String, String>> tracing = new SenderContext<>(Map::put);
                    tracing.setCarrier(new HashMap<>());
                    tracing.setRemoteServiceName("outbox");
                    Observation observation = Observation.createNotStarted("teletherapy.outbox.append", () -> tracing, observations)
                            .contextualName("outbox append " + type)
                            .lowCardinalityKeyValue("event.type", type)
                            .parentObservation(reactorContext.getOrDefault(ObservationThreadLocalAccessor.KEY, null))
                            .start();
                    // Tracing writes the span's context into the carrier as it would into HTTP or Kafka headers;
                    // without tracing the carrier stays empty and the row has no traceparent.
                    String traceParent = tracing.getCarrier().get(TRACEPARENT);
                    DatabaseClient.GenericExecuteSpec insert = database.sql("""
                                    insert into eventing.outbox_event (event_id, topic, event_key, event_type, subject, payload, trace_parent, occurred_at)
                                    values (:eventId, :topic, :key, :type, :subject, :payload, :traceParent, :occurredAt)""")
                            .bind("eventId", eventId)
                            .bind("topic", EventTypes.topicOf(type))
                            .bind("key", event.clientId().toString())
                            .bind("type", type)
                            .bind("subject", subject == null ? event.clientId().toString() : subject)
                            .bind("payload", json.write(event))
                            .bind("occurredAt", event.occurredAt());
                    insert = insert.bind("traceParent", Parameter.fromOrEmpty(traceParent, String.class));
                    return insert.then()
                            .doOnError(observation::error)
                            .doFinally(signal -> observation.stop());
                }))
                .thenReturn(eventId);
    }

    /** An event written outside a transaction could outlive a rolled-back change: refuse it loudly. */
    private static Mono<Void> requireTransaction() {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .filter(TransactionSynchronizationManager::isActualTransactionActive)
                .switchIfEmpty(Mono.error(() -> new IllegalStateException(
                        "OutboxWriter.append must run inside the transaction of the state change")))
                .onErrorMap(NoTransactionException.class, e -> new IllegalStateException(
                        "OutboxWriter.append must run inside the transaction of the state change", e))
                .then();
    }
}
