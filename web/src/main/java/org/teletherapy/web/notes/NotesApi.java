package org.teletherapy.web.notes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the notes pages read from notes-service (through the gateway); unknown fields are
 * ignored, so the API can grow.
 */
final class NotesApi {

    static final String NOTES = "/api/v1/notes";
    static final String NOTE = "/api/v1/notes/{id}";

    private NotesApi() {
    }

    /** A note in the list, without its text. */
    record NoteSummary(UUID id, UUID sessionId, UUID clientId, String kind, String status, int version,
                       Instant createdAt, Instant updatedAt, Instant signedAt, boolean erased) {

        boolean draft() {
            return "draft".equals(status);
        }
    }

    /** A note with its text, for its author. */
    record NoteDetails(UUID id, UUID sessionId, UUID clientId, String kind, String status, int version, String content,
                       List<Addendum> addenda, Instant createdAt, Instant updatedAt, Instant signedAt) {

        boolean signed() {
            return "signed".equals(status);
        }

        List<Addendum> addendaOrNone() {
            return addenda == null ? List.of() : addenda;
        }
    }

    record Addendum(UUID id, UUID authorId, Instant createdAt, String content) {
    }

    /** One entry of the note's access log: who did what, when, and how it ended; never content. */
    record AuditEntry(long sequence, Instant occurredAt, UUID actorId, String actorRole, String activity,
                      String outcome, String requestId) {
    }

    /** What a write answers: the note's new version. */
    record Written(UUID id, int version, Instant updatedAt) {
    }
}
