package org.teletherapy.exercises.assignment;

import org.springframework.http.HttpStatus;
import org.teletherapy.service.problem.ProblemException;
import org.teletherapy.service.problem.FieldProblem;

import java.util.List;

/** The ways a request about assignments can be refused, each with its own problem type. */
public final class AssignmentProblems {

    private AssignmentProblems() {
    }

    static final class DueDateInPastException extends ProblemException {
        DueDateInPastException() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "due-date-in-past", "Due date in the past",
                    "Homework must be due in the future.",
                    List.of(new FieldProblem("dueAt", "in-past", "Must be in the future.")));
        }
    }

    static final class InvalidRecurrenceException extends ProblemException {
        InvalidRecurrenceException(String field, String code, String message) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-recurrence", "Invalid recurrence", message,
                    List.of(new FieldProblem(field, code, message)));
        }
    }

    static final class ClientNotOnRosterException extends ProblemException {
        ClientNotOnRosterException() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "client-not-on-roster", "Client not on your roster",
                    "You can assign homework only to clients on your roster.",
                    List.of(new FieldProblem("clientId", "not-on-roster", "Not a client of yours.")));
        }
    }

    static final class SessionMismatchException extends ProblemException {
        SessionMismatchException() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "session-mismatch", "Not a session of yours with this client",
                    "No session between you and this client is known with this id. A session booked a moment ago may "
                            + "still be on its way from the sessions service; try again shortly.",
                    List.of(new FieldProblem("sessionId", "mismatch", "Not a session of this client with you.")));
        }
    }

    static final class SessionNotHeldException extends ProblemException {
        SessionNotHeldException() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "session-not-held", "Session will not take place",
                    "The session was cancelled, moved or missed, so homework linked to it would never reach the client. "
                            + "Link it to the session that takes place, or give it without a session.",
                    List.of(new FieldProblem("sessionId", "not-held", "Cancelled, moved or missed.")));
        }
    }

    /** Unknown, or not the caller's: the two look the same, so existence stays private. */
    public static final class AssignmentNotFoundException extends ProblemException {
        public AssignmentNotFoundException() {
            super(HttpStatus.NOT_FOUND, "assignment-not-found", "Assignment not found",
                    "There is no such assignment of yours.");
        }
    }

    public static final class AlreadySubmittedException extends ProblemException {
        public AlreadySubmittedException() {
            super(HttpStatus.CONFLICT, "already-submitted", "Already handed in",
                    "This assignment was already handed in; it cannot be changed any more.");
        }
    }

    static final class NotSubmittedException extends ProblemException {
        NotSubmittedException() {
            super(HttpStatus.CONFLICT, "not-submitted", "Not handed in yet",
                    "Only handed-in homework can be reviewed.");
        }
    }

    static final class AlreadyReviewedException extends ProblemException {
        AlreadyReviewedException() {
            super(HttpStatus.CONFLICT, "already-reviewed", "Already reviewed", "This assignment was already reviewed.");
        }
    }

    static final class InvalidStatusFilterException extends ProblemException {
        InvalidStatusFilterException() {
            super(HttpStatus.BAD_REQUEST, "invalid-status", "Unknown status",
                    "status must be one of assigned, in-progress, submitted, reviewed, overdue, withdrawn.",
                    List.of(new FieldProblem("status", "unknown", "Unknown status.")));
        }
    }
}
