package org.teletherapy.notes.note;

import org.springframework.http.HttpStatus;
import org.teletherapy.notes.audit.AuditOutcome;
import org.teletherapy.service.problem.ProblemException;

import java.util.UUID;

/**
 * Every way a note request can fail, one type each, as RFC 9457 problems with a stable type. Details say what to do
 * and never quote note text or name anyone.
 */
final class NoteProblems {

    private NoteProblems() {
    }

    /** Unknown, or not the caller's: the same answer, so that another therapist learns nothing. */
    static final class NotFound extends ProblemException {
        NotFound() {
            super(HttpStatus.NOT_FOUND, "note-not-found", "Note not found",
                    "You have no note with this id.");
        }
    }

    static final class Signed extends ProblemException {
        Signed() {
            super(HttpStatus.CONFLICT, "note-signed", "Note is signed",
                    "A signed note is locked and cannot be changed or deleted. Add an addendum instead.");
        }
    }

    static final class AlreadySigned extends ProblemException {
        AlreadySigned() {
            super(HttpStatus.CONFLICT, "note-already-signed", "Note already signed",
                    "This note was signed before.");
        }
    }

    static final class NotSigned extends ProblemException {
        NotSigned() {
            super(HttpStatus.CONFLICT, "note-not-signed", "Note not signed yet",
                    "Addenda amend signed notes. Edit the draft itself instead.");
        }
    }

    static final class AlreadyExists extends ProblemException {
        AlreadyExists(UUID existing) {
            super(HttpStatus.CONFLICT, "note-exists", "Note already exists",
                    "This session already has a note of this kind; edit it or add an addendum.");
            with("noteId", existing);
        }
    }

    static final class VersionConflict extends ProblemException {
        VersionConflict(int current) {
            super(HttpStatus.CONFLICT, "note-version-conflict", "Note changed meanwhile",
                    "The note was changed since you read it. Read it again and retry.");
            with("currentVersion", current);
        }
    }

    static final class ContentTooLarge extends ProblemException {
        ContentTooLarge(int maxBytes) {
            super(HttpStatus.CONTENT_TOO_LARGE, "content-too-large", "Content too large",
                    "A note's text may hold at most " + maxBytes + " bytes (UTF-8), sections included.");
            with("maxBytes", maxBytes);
        }
    }

    static final class StructureNotAllowed extends ProblemException {
        StructureNotAllowed() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "structured-fields-progress-only", "Structured fields are for progress notes",
                    "Psychotherapy notes are free text only; leave 'structured' out.");
        }
    }

    static final class StructureMismatch extends ProblemException {
        StructureMismatch() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "structured-fields-mismatch", "Sections do not fit the format",
                    "SOAP has subjective, objective, assessment and plan; DAP has data, assessment and plan.");
        }
    }

    static final class KindChange extends ProblemException {
        KindChange() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "note-kind-fixed",
                    "A note keeps its kind", "Progress and psychotherapy notes are kept apart; write a new note instead.");
        }
    }

    /** Unknown, or another therapist's: the same answer, so that nobody learns which session ids exist. */
    static class UnknownSession extends ProblemException {
        UnknownSession() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-session",
                    "Unknown session", "No session of yours with this id is known here. A session booked a moment ago "
                            + "may still be on its way from the sessions service; try again shortly.");
        }
    }

    /** Answers exactly as {@link UnknownSession}; only the audit trail records that it was someone else's session. */
    static final class NotYourSession extends UnknownSession implements AuditOutcome.AuditedFailure {
        @Override
        public AuditOutcome auditOutcome() {
            return AuditOutcome.DENIED;
        }
    }

    static final class SessionNotHeld extends ProblemException {
        SessionNotHeld() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "session-not-held",
                    "Session did not take place", "The session was cancelled or moved; write the note on the session that took place.");
        }
    }

    static final class NotOnCaseload extends ProblemException {
        NotOnCaseload() {
            super(HttpStatus.FORBIDDEN, "client-not-on-caseload", "Client not on your caseload",
                    "The client is no longer on your roster, so their notes are closed to you.");
        }
    }

    static final class ClientErased extends ProblemException {
        ClientErased() {
            super(HttpStatus.GONE, "client-erased", "Client erased",
                    "The client's data was erased: their notes can no longer be read or written.");
        }
    }

    /** The stored ciphertext does not authenticate: changed or moved outside the service. Recorded and alerted. */
    static final class IntegrityFailure extends ProblemException implements AuditOutcome.AuditedFailure {
        IntegrityFailure() {
            super(HttpStatus.INTERNAL_SERVER_ERROR, "note-integrity-failure",
                    "Note failed its integrity check", "The stored note was changed outside the notes service and is not "
                            + "shown. The incident was recorded; quote the request id to support.");
        }

        @Override
        public AuditOutcome auditOutcome() {
            return AuditOutcome.INTEGRITY_FAILURE;
        }
    }

    static final class KeyUnavailable extends ProblemException {
        KeyUnavailable() {
            super(HttpStatus.SERVICE_UNAVAILABLE, "note-key-unavailable",
                    "Note key unavailable", "The key that protects this note cannot be used right now. The incident was "
                            + "recorded; quote the request id to support.");
        }
    }
}
