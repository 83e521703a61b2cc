package org.teletherapy.notes.note;

import org.springframework.stereotype.Component;
import org.teletherapy.crypto.AssociatedData;
import org.teletherapy.crypto.DecryptionFailedException;
import org.teletherapy.crypto.SubjectKey;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * Seals note text under the client's data key, bound to where it belongs: the note's id, version, author, kind,
 * format, session and client (an addendum: its id, note, author and time). A ciphertext copied to another row, or
 * an older version replayed into its row, or a row whose metadata was edited, fails to open.
 */
@Component
class NoteSeal {

    private static final String CONTENT = "note-content/v1";
    private static final String ADDENDUM = "note-addendum/v1";

    private final JsonMapper json;

    NoteSeal(JsonMapper json) {
        this.json = json;
    }

    /** The note with the text sealed in as its content; the note's format is the text's. */
    Note sealContent(SubjectKey key, Note note, NoteText text) {
        byte[] ciphertext = key.encrypt(json.writeValueAsBytes(text), contentContext(note));
        return note.withContent(note.version(), note.format(), ciphertext, note.updatedAt());
    }

    NoteText openContent(SubjectKey key, Note note) {
        try {
            byte[] plaintext = key.decrypt(note.contentCiphertext(), contentContext(note));
            return json.readValue(plaintext, NoteText.class);
        } catch (DecryptionFailedException e) {
            throw new NoteProblems.IntegrityFailure();
        }
    }

    byte[] sealAddendum(SubjectKey key, UUID addendumId, UUID noteId, UUID authorId, Instant createdAt, String text) {
        return key.encrypt(text.getBytes(StandardCharsets.UTF_8), addendumContext(addendumId, noteId, authorId, createdAt));
    }

    String openAddendum(SubjectKey key, Addendum addendum) {
        try {
            return new String(key.decrypt(addendum.contentCiphertext(), addendumContext(addendum.id(), addendum.noteId(),
                    addendum.authorId(), addendum.createdAt())), StandardCharsets.UTF_8);
        } catch (DecryptionFailedException e) {
            throw new NoteProblems.IntegrityFailure();
        }
    }

    private static byte[] contentContext(Note note) {
        return AssociatedData.of(CONTENT, note.id(), note.version(), note.authorId(), note.kind(), note.format(),
                note.sessionId(), note.clientId());
    }

    private static byte[] addendumContext(UUID addendumId, UUID noteId, UUID authorId, Instant createdAt) {
        return AssociatedData.of(ADDENDUM, addendumId, noteId, authorId, createdAt);
    }
}
