package org.teletherapy.notes.note;

import java.time.Instant;
import java.util.UUID;

/** An amendment of a signed note, as stored: who added it and when in plain, the text only as ciphertext. */
record Addendum(UUID id, UUID noteId, UUID authorId, byte[] contentCiphertext, Instant createdAt) {

    @Override
    public String toString() {
        return "Addendum[id=" + id + ", noteId=" + noteId + "]";
    }
}
