package org.teletherapy.eventing.inbox;

import org.teletherapy.events.DomainEvent;
import reactor.core.publisher.Mono;

/**
 * Applies one kind of event from another service. Declare it as a bean; the consumer subscribes to the event's
 * topic, and runs {@link #apply} inside the transaction that also records the event id, so each event changes
 * the service's state exactly once however often it is delivered.
 */
public interface EventHandler<E extends DomainEvent> {

    Class<E> eventClass();

    Mono<Void> apply(E event, EventMetadata metadata);
}
