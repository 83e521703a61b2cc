package org.teletherapy.notes.audit;

import org.teletherapy.crypto.AssociatedData;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One link of the audit chain: an {@link AuditRecord} with its place ({@code sequence}, without gaps), its time, and
 * the hashes that tie it to the entry before it.
 */
public record AuditEntry(long sequence, UUID id, Instant occurredAt, UUID actorId, String actorRole, String action,
                         String activity, UUID noteId, UUID clientId, String outcome, String requestId,
                         byte[] previousHash, byte[] hash) {

    /** The hash before the first entry. */
    static final byte[] GENESIS = new byte[32];

    /**
     * SHA-256 over the previous entry's hash and this entry's fields in a canonical, length-prefixed encoding (the
     * same unambiguous encoding the crypto module uses for associated data; the time as microseconds since the
     * epoch). The database computes it on append ({@code audit_append} in the migration); this is the independent
     * re-computation of the verifier, and anyone with the export can do the same.
     */
    byte[] computeHash() {
        byte[] canonical = AssociatedData.of("audit-entry/v1", sequence, id,
                ChronoUnit.MICROS.between(Instant.EPOCH, occurredAt), actorId, actorRole, action, activity, noteId,
                clientId, outcome, requestId);
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(previousHash);
            return sha256.digest(canonical);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private AuditEntry withHash(byte[] computed) {
        return new AuditEntry(sequence, id, occurredAt, actorId, actorRole, action, activity, noteId, clientId, outcome,
                requestId, previousHash, computed);
    }
}
