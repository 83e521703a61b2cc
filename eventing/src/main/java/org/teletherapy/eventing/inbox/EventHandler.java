package org.teletherapy.eventing.inbox;

import org.teletherapy.events.DomainEvent;
import reactor.core.publisher.Mono;

import java.util.function.Function;

/**
 * Applies one kind of event from another service. Declare it as a bean; the consumer subscribes to the event's
 * topic, and runs {@link #apply} inside the transaction that also records the event id, so each event changes
 * the service's state exactly once however often it is delivered.
 */
public interface EventHandler<E extends DomainEvent> {

    Class<E> eventClass();

    Mono<Void> apply(E event, EventMetadata metadata);

    /** A handler whose effect needs only the event: for declaring several small handlers as beans of one class. */
    static <E extends DomainEvent> EventHandler<E> of(Class<E> type, Function<E, Mono<Void>> effect) {
        return new EventHandler<>() {
            @Override
            public Class<E> eventClass() {
                return type;
            }

            @Override
            public Mono<Void> apply(E event, EventMetadata metadata) {
                return effect.apply(event);
            }
        };
    }
}
