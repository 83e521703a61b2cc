package org.teletherapy.notes.audit;

import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/** An audit entry as the API shows it: metadata and chain hashes (hex), never content, because there is none. */
public record AuditEntryView(long sequence, UUID id, Instant occurredAt, UUID actorId, String actorRole, String action,
                             String activity, UUID noteId, UUID clientId, String outcome, String requestId,
                             String previousHash, String hash) {

    public static AuditEntryView of(AuditEntry entry) {
        HexFormat hex = HexFormat.of();
        return new AuditEntryView(entry.sequence(), entry.id(), entry.occurredAt(), entry.actorId(), entry.actorRole(),
                entry.action(), entry.activity(), entry.noteId(), entry.clientId(), entry.outcome(), entry.requestId(),
                hex.formatHex(entry.previousHash()), hex.formatHex(entry.hash()));
    }
}
