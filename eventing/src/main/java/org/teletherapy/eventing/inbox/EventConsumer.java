package org.teletherapy.eventing.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.teletherapy.events.CloudEventHeaders;
import org.teletherapy.events.DomainEvent;
import org.teletherapy.events.EventJson;
import org.teletherapy.events.EventTypes;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies each received event once: the event id goes into {@code processed_event} in the same transaction as the
 * handler's effect; a duplicate finds its id there and changes nothing.
 */
public final class EventConsumer implements MessageListener<String, byte[]> {

    private static final Duration APPLY_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, EventHandler<? extends DomainEvent>> handlers;
    private final DatabaseClient database;
    private final TransactionalOperator transaction;
    private final EventJson json;
    private final MeterRegistry meters;

    public EventConsumer(Collection<EventHandler<? extends DomainEvent>> handlers, DatabaseClient database,
                         TransactionalOperator transaction, EventJson json, MeterRegistry meters) {
        this.handlers = handlers.stream().collect(Collectors.toMap(
                handler -> EventTypes.typeOf(handler.eventClass()), Function.identity()));
        this.database = database;
        this.transaction = transaction;
        this.json = json;
        this.meters = meters;
    }

    /** The topics the handlers' events are published on. */
    public Set<String> topics() {
        return handlers.keySet().stream().map(EventTypes::topicOf).collect(Collectors.toCollection(TreeSet::new));
    }

    @Override
    public void onMessage(ConsumerRecord<String, byte[]> record) {
        EventMetadata metadata = metadata(record);
        EventHandler<? extends DomainEvent> handler = handlers.get(metadata.type());
        if (handler == null) {
            // Another consumer's business: the topic carries every event of its producer.
            counter("teletherapy.events.ignored", metadata.type()).increment();
            return;
        }
        DomainEvent event = json.read(metadata.type(), record.value());
        Boolean applied = transaction.transactional(recordId(metadata)
                        .flatMap(first -> first ? apply(handler, event, metadata).thenReturn(true) : Mono.just(false)))
                .block(APPLY_TIMEOUT);
        counter(Boolean.TRUE.equals(applied) ? "teletherapy.events.applied" : "teletherapy.events.duplicates",
                metadata.type()).increment();
    }

    private Mono<Boolean> recordId(EventMetadata metadata) {
        return database.sql("insert into eventing.processed_event (event_id, event_type) values (:id, :type) on conflict do nothing")
                .bind("id", metadata.id())
                .bind("type", metadata.type())
                .fetch().rowsUpdated()
                .map(rows -> rows == 1);
    }

    @SuppressWarnings("unchecked")
    private static <E extends DomainEvent> Mono<Void> apply(EventHandler<E> handler, DomainEvent event,
                                                           EventMetadata metadata) {
        return handler.apply((E) event, metadata);
    }

    private static EventMetadata metadata(ConsumerRecord<String, byte[]> record) {
        String type = header(record, CloudEventHeaders.TYPE);
        if (!EventTypes.all().contains(type)) {
            throw new PoisonEventException("unknown event type '" + type + "'");
        }
        try {
            return new EventMetadata(UUID.fromString(header(record, CloudEventHeaders.ID)), type,
                    header(record, CloudEventHeaders.SOURCE), Instant.parse(header(record, CloudEventHeaders.TIME)),
                    optionalHeader(record, CloudEventHeaders.SUBJECT));
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new PoisonEventException("malformed CloudEvents attributes: " + e.getClass().getSimpleName());
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        String value = optionalHeader(record, name);
        if (value == null) {
            throw new PoisonEventException("missing header " + name);
        }
        return value;
    }

    private static String optionalHeader(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private Counter counter(String name, String type) {
        return Counter.builder(name).tag("type", type).register(meters);
    }
}
