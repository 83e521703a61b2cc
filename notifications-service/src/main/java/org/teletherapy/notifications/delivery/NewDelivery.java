package org.teletherapy.notifications.delivery;

import org.jspecify.annotations.Nullable;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A message to send at {@code dueAt}. {@code facts} are what its template needs, as ids, times and numbers only:
 * never an address, a name or any text a person wrote. {@code dedupeKey} makes planning it twice harmless.
 */
public record NewDelivery(Kind kind, @Nullable UUID recipientId, RecipientRole role, UUID subjectId,
                          Map<String, String> facts, String dedupeKey, Instant dueAt) {

    /**
     * A message to a person; {@code occasion} tells apart messages of one kind about one subject (the change's
     * sequence number, a reminder's lead time), so that the same occasion is planned once.
     */
    public static NewDelivery to(Kind kind, UUID recipientId, RecipientRole role, UUID subjectId,
                                 Map<String, String> facts, String occasion, Instant dueAt) {
        return new NewDelivery(kind, recipientId, role, subjectId, facts,
                kind.wireName() + ":" + subjectId + ":" + recipientId + ":" + occasion, dueAt);
    }
}
