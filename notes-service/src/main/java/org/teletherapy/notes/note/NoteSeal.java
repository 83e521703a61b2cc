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

    byte[] sealContent(SubjectKey key, UUID noteId, int version, UUID authorId, String kind, UUID sessionId,
                       UUID clientId, NoteText text) {
        return key.encrypt(json.writeValueAsBytes(text),
                contentContext(noteId, version, authorId, kind, text.format(), sessionId, clientId));
    }

    NoteText openContent(SubjectKey key, Note note) {
        try {
            byte[] plaintext = key.decrypt(note.contentCiphertext(), contentContext(note.id(), note.version(),
                    note.authorId(), note.kind(), note.format(), note.sessionId(), note.clientId()));
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

    private static byte[] contentContext(UUID noteId, int version, UUID authorId, String kind, String format,
                                         UUID sessionId, UUID clientId) {
        return AssociatedData.of(CONTENT, noteId, version, authorId, kind, format, sessionId, clientId);
    }

    private static byte[] addendumContext(UUID addendumId, UUID noteId, UUID authorId, Instant createdAt) {
        return AssociatedData.of(ADDENDUM, addendumId, noteId, authorId, createdAt);
    }
}
