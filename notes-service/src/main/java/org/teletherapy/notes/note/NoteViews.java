package org.teletherapy.notes.note;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What the API answers. Only {@link NoteDetails} and {@link AddendumDetails} carry text, for the author alone. */
final class NoteViews {

    private NoteViews() {
    }

    /** A note without its text, as listed and as answered to writes. */
    record NoteSummary(UUID id, UUID sessionId, UUID clientId, String kind, String status, int version, String format,
                       Instant createdAt, Instant updatedAt, Instant signedAt, boolean erased) {

        static NoteSummary of(Note note) {
            return new NoteSummary(note.id(), note.sessionId(), note.clientId(), note.kind(), note.status(),
                    note.version(), note.format(), note.createdAt(), note.updatedAt(), note.signedAt(), false);
        }

        static NoteSummary of(NoteRepository.ListedNote note, boolean erased) {
            return new NoteSummary(note.id(), note.sessionId(), note.clientId(), note.kind(), note.status(),
                    note.version(), note.format(), note.createdAt(), note.updatedAt(), note.signedAt(), erased);
        }
    }

    record NoteDetails(UUID id, UUID sessionId, UUID clientId, UUID authorId, String kind, String status, int version,
                       String format, String content, Structured structured, List<AddendumDetails> addenda,
                       Instant createdAt, Instant updatedAt, Instant signedAt) {

        static NoteDetails of(Note note, NoteText text, List<AddendumDetails> addenda) {
            return new NoteDetails(note.id(), note.sessionId(), note.clientId(), note.authorId(), note.kind(),
                    note.status(), note.version(), note.format(), text.content(), text.structured(), addenda,
                    note.createdAt(), note.updatedAt(), note.signedAt());
        }

        @Override
        public String toString() {
            return "NoteDetails[id=" + id + ", status=" + status + ", version=" + version + ", addenda=" + addenda.size() + "]";
        }
    }

    record AddendumDetails(UUID id, UUID noteId, UUID authorId, Instant createdAt, String content) {

        @Override
        public String toString() {
            return "AddendumDetails[id=" + id + "]";
        }
    }

    /** An addendum as answered when it is added: the text is what the caller just sent, so it is not echoed. */
    record AddendumSummary(UUID id, UUID noteId, UUID authorId, Instant createdAt) {

        static AddendumSummary of(Addendum addendum) {
            return new AddendumSummary(addendum.id(), addendum.noteId(), addendum.authorId(), addendum.createdAt());
        }
    }
}
