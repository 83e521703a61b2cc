package org.teletherapy.sessions.booking;

import org.springframework.http.HttpStatus;
import org.teletherapy.service.problem.ProblemException;

/** The ways a booking request can be refused, each with its own problem type. */
final class BookingProblems {

    private BookingProblems() {
    }

    static final class NotOnRosterException extends ProblemException {
        NotOnRosterException() {
            super(HttpStatus.FORBIDDEN, "not-on-roster", "Not on the therapist's roster",
                    "Only the therapist's own clients can book with them.");
        }
    }

    static final class SlotTakenException extends ProblemException {
        SlotTakenException() {
            super(HttpStatus.CONFLICT, "slot-taken", "Slot taken", "This time is no longer free. Please pick another slot.");
        }
    }

    static final class NotBookableException extends ProblemException {
        NotBookableException(String kind, String detail) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, kind, "Not bookable", detail);
        }
    }

    /** A client cannot undo a session that began: its therapist records whether it took place. */
    static final class SessionStartedException extends ProblemException {
        SessionStartedException(String action) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "session-started", "Session already started",
                    "The session has started or is over, so it can no longer be " + action
                            + ". Your therapist records how it went; please contact them.");
        }
    }

    static final class SessionNotFoundException extends ProblemException {
        SessionNotFoundException() {
            super(HttpStatus.NOT_FOUND, "session-not-found", "Session not found", "There is no such session of yours.");
        }
    }

    static final class InvalidTransitionException extends ProblemException {
        InvalidTransitionException(String detail) {
            super(HttpStatus.CONFLICT, "invalid-transition", "Not possible in this state", detail);
        }
    }

    static final class NotAllowedException extends ProblemException {
        NotAllowedException(String detail) {
            super(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
        }
    }
}
