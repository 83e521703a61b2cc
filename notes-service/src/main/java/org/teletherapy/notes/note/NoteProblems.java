package org.teletherapy.notes.note;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;
import org.teletherapy.notes.audit.AuditOutcome;
import org.teletherapy.service.problem.Problems;

import java.util.UUID;

/**
 * Every way a note request can fail, one type each, as RFC 9457 problems with a stable type. Details say what to do
 * and never quote note text or name anyone.
 */
final class NoteProblems {

    private NoteProblems() {
    }

    private static ProblemDetail problem(HttpStatus status, String kind, String title, String detail) {
        return Problems.of(status, kind, title, detail);
    }

    /** Unknown, or not the caller's: the same answer, so that another therapist learns nothing. */
    static final class NotFound extends ErrorResponseException {
        NotFound() {
            super(HttpStatus.NOT_FOUND, problem(HttpStatus.NOT_FOUND, "note-not-found", "Note not found",
                    "You have no note with this id."), null);
        }
    }

    static final class Signed extends ErrorResponseException {
        Signed() {
            super(HttpStatus.CONFLICT, problem(HttpStatus.CONFLICT, "note-signed", "Note is signed",
                    "A signed note is locked and cannot be changed or deleted. Add an addendum instead."), null);
        }
    }

    static final class AlreadySigned extends ErrorResponseException {
        AlreadySigned() {
            super(HttpStatus.CONFLICT, problem(HttpStatus.CONFLICT, "note-already-signed", "Note already signed",
                    "This note was signed before."), null);
        }
    }

    static final class NotSigned extends ErrorResponseException {
        NotSigned() {
            super(HttpStatus.CONFLICT, problem(HttpStatus.CONFLICT, "note-not-signed", "Note not signed yet",
                    "Addenda amend signed notes. Edit the draft itself instead."), null);
        }
    }

    static final class AlreadyExists extends ErrorResponseException {
        AlreadyExists(UUID existing) {
            super(HttpStatus.CONFLICT, withNoteId(problem(HttpStatus.CONFLICT, "note-exists", "Note already exists",
                    "This session already has a note of this kind; edit it or add an addendum."), existing), null);
        }

        private static ProblemDetail withNoteId(ProblemDetail problem, UUID existing) {
            problem.setProperty("noteId", existing);
            return problem;
        }
    }

    static final class VersionConflict extends ErrorResponseException {
        VersionConflict(int current) {
            super(HttpStatus.CONFLICT, withVersion(problem(HttpStatus.CONFLICT, "note-version-conflict",
                    "Note changed meanwhile", "The note was changed since you read it. Read it again and retry."),
                    current), null);
        }

        private static ProblemDetail withVersion(ProblemDetail problem, int current) {
            problem.setProperty("currentVersion", current);
            return problem;
        }
    }

    static final class ContentTooLarge extends ErrorResponseException {
        ContentTooLarge(int maxBytes) {
            super(HttpStatus.CONTENT_TOO_LARGE, withLimit(problem(HttpStatus.CONTENT_TOO_LARGE, "content-too-large",
                    "Content too large", "A note's text may hold at most " + maxBytes + " bytes (UTF-8), sections included."),
                    maxBytes), null);
        }

        private static ProblemDetail withLimit(ProblemDetail problem, int maxBytes) {
            problem.setProperty("maxBytes", maxBytes);
            return problem;
        }
    }

    static final class StructureNotAllowed extends ErrorResponseException {
        StructureNotAllowed() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, problem(HttpStatus.UNPROCESSABLE_CONTENT,
                    "structured-fields-progress-only", "Structured fields are for progress notes",
                    "Psychotherapy notes are free text only; leave 'structured' out."), null);
        }
    }

    static final class StructureMismatch extends ErrorResponseException {
        StructureMismatch() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, problem(HttpStatus.UNPROCESSABLE_CONTENT,
                    "structured-fields-mismatch", "Sections do not fit the format",
                    "SOAP has subjective, objective, assessment and plan; DAP has data, assessment and plan."), null);
        }
    }

    static final class KindChange extends ErrorResponseException {
        KindChange() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, problem(HttpStatus.UNPROCESSABLE_CONTENT, "note-kind-fixed",
                    "A note keeps its kind", "Progress and psychotherapy notes are kept apart; write a new note instead."),
                    null);
        }
    }

    /** Unknown, or another therapist's: the same answer, so that nobody learns which session ids exist. */
    static class UnknownSession extends ErrorResponseException {
        UnknownSession() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, problem(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-session",
                    "Unknown session", "No session of yours with this id is known here. A session booked a moment ago "
                            + "may still be on its way from the sessions service; try again shortly."), null);
        }
    }

    /** Answers exactly as {@link UnknownSession}; only the audit trail records that it was someone else's session. */
    static final class NotYourSession extends UnknownSession implements AuditOutcome.AuditedFailure {
        @Override
        public AuditOutcome auditOutcome() {
            return AuditOutcome.DENIED;
        }
    }

    static final class SessionNotHeld extends ErrorResponseException {
        SessionNotHeld() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, problem(HttpStatus.UNPROCESSABLE_CONTENT, "session-not-held",
                    "Session did not take place", "The session was cancelled or moved; write the note on the session that took place."),
                    null);
        }
    }

    static final class NotOnCaseload extends ErrorResponseException {
        NotOnCaseload() {
            super(HttpStatus.FORBIDDEN, problem(HttpStatus.FORBIDDEN, "client-not-on-caseload", "Client not on your caseload",
                    "The client is no longer on your roster, so their notes are closed to you."), null);
        }
    }

    static final class ClientErased extends ErrorResponseException {
        ClientErased() {
            super(HttpStatus.GONE, problem(HttpStatus.GONE, "client-erased", "Client erased",
                    "The client's data was erased: their notes can no longer be read or written."), null);
        }
    }

    /** The stored ciphertext does not authenticate: changed or moved outside the service. Recorded and alerted. */
    static final class IntegrityFailure extends ErrorResponseException implements AuditOutcome.AuditedFailure {
        IntegrityFailure() {
            super(HttpStatus.INTERNAL_SERVER_ERROR, problem(HttpStatus.INTERNAL_SERVER_ERROR, "note-integrity-failure",
                    "Note failed its integrity check", "The stored note was changed outside the notes service and is not "
                            + "shown. The incident was recorded; quote the request id to support."), null);
        }

        @Override
        public AuditOutcome auditOutcome() {
            return AuditOutcome.INTEGRITY_FAILURE;
        }
    }

    static final class KeyUnavailable extends ErrorResponseException {
        KeyUnavailable() {
            super(HttpStatus.SERVICE_UNAVAILABLE, problem(HttpStatus.SERVICE_UNAVAILABLE, "note-key-unavailable",
                    "Note key unavailable", "The key that protects this note cannot be used right now. The incident was "
                            + "recorded; quote the request id to support."), null);
        }
    }
}
