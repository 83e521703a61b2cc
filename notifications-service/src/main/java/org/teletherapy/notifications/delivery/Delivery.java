package org.teletherapy.notifications.delivery;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A claimed message, as the worker sends it. */
public record Delivery(UUID id, Kind kind, @Nullable UUID recipientId, RecipientRole role, UUID subjectId,
                       Map<String, String> facts, Instant dueAt, int attempts, Instant createdAt) {

    public String fact(String name) {
        String value = facts.get(name);
        if (value == null) {
            throw new IllegalStateException(kind.wireName() + " delivery " + id + " lacks " + name);
        }
        return value;
    }
}
