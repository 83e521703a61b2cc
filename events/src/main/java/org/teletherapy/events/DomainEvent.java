package org.teletherapy.events;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.UUID;

/**
 * The data of one event published on a {@link Topics topic}: a record owned by the producing service.
 *
 * <p>Each implementation declares {@code public static final String TYPE}, the CloudEvents {@code ce_type}, and is
 * listed in {@link EventTypes}. The type is not a record component, so it never travels twice (header and payload).
 * Payloads carry ids, times and codes only — never note text, questionnaire answers, names or contact details
 * (DESIGN.md §7). Optional components are marked {@link Nullable @Nullable}; every other one
 * is required, and a reader may rely on it.
 */
public interface DomainEvent {

    /** The client the event is about; also the Kafka record key, so each client's events stay in order. */
    UUID clientId();

    /** When it happened in the producing service (the CloudEvents {@code ce_time}), not when it was published. */
    Instant occurredAt();
}
