package org.teletherapy.notes.audit;

import java.util.UUID;

/**
 * What is recorded about one access: ids, codes and the request id, never content.
 *
 * @param activity what was done, e.g. {@code note.read}, {@code note.sign}, {@code client.erase}
 */
public record AuditRecord(UUID actorId, String actorRole, AuditAction action, String activity, UUID noteId,
                          UUID clientId, AuditOutcome outcome, String requestId) {
}
