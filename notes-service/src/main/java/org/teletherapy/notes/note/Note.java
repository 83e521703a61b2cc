package org.teletherapy.notes.note;

import java.time.Instant;
import java.util.UUID;

/**
 * A clinical note as stored: metadata in plain, the text only as ciphertext under the client's data key.
 *
 * @param kind   {@code progress} (part of the clinical record) or {@code psychotherapy} (the therapist's process
 *               notes, kept apart and never shown to anyone else)
 * @param format {@code free-text}, {@code soap} or {@code dap}: which structured sections the content has
 */
record Note(UUID id, UUID sessionId, UUID clientId, UUID authorId, String kind, String status, int version,
            String format, byte[] contentCiphertext, Instant createdAt, Instant updatedAt, Instant signedAt) {

    static final String DRAFT = "draft";
    static final String SIGNED = "signed";
    static final String PROGRESS = "progress";
    static final String PSYCHOTHERAPY = "psychotherapy";

    boolean signed() {
        return SIGNED.equals(status);
    }

    Note withContent(int newVersion, String newFormat, byte[] ciphertext, Instant at) {
        return new Note(id, sessionId, clientId, authorId, kind, status, newVersion, newFormat, ciphertext, createdAt, at,
                signedAt);
    }

    Note signedAt(Instant at) {
        return new Note(id, sessionId, clientId, authorId, kind, SIGNED, version, format, contentCiphertext, createdAt, at, at);
    }

    /** Ids and states only. */
    @Override
    public String toString() {
        return "Note[id=" + id + ", kind=" + kind + ", status=" + status + ", version=" + version + "]";
    }
}
