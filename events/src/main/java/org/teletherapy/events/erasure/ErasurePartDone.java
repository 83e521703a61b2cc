package org.teletherapy.events.erasure;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.teletherapy.events.DomainEvent;

/**
 * One service finished its part of a client's erasure (after {@code client.erased}): it destroyed the client's keys
 * and data, or refused and kept them for the reason given. A redelivered {@code client.erased} makes a service say
 * the same again; sessions-service records the latest answer of each part.
 *
 * @param reasonCode why the part was refused; null when it is done
 */
public record ErasurePartDone(
        UUID clientId,
        ErasurePart part,
        ErasureOutcome outcome,
        @Nullable ErasureRefusal reasonCode,
        Instant occurredAt) implements DomainEvent {

    public static final String TYPE = "erasure.part-done";

    public static ErasurePartDone done(UUID clientId, ErasurePart part, Instant at) {
        return new ErasurePartDone(clientId, part, ErasureOutcome.DONE, null, at);
    }

    public static ErasurePartDone refused(UUID clientId, ErasurePart part, ErasureRefusal reason, Instant at) {
        return new ErasurePartDone(clientId, part, ErasureOutcome.REFUSED, reason, at);
    }
}
