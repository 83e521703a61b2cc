package org.teletherapy.sessions;

import org.springframework.http.HttpStatus;
import org.teletherapy.service.problem.ProblemException;
import org.teletherapy.service.problem.Problems;

/** The ways a scheduling request can be refused, each with its own problem type. */
public final class SchedulingProblems {

    private SchedulingProblems() {
    }

    public static final class UnknownTimeZoneException extends ProblemException {
        public UnknownTimeZoneException(String zone) {
            super(HttpStatus.BAD_REQUEST, "unknown-time-zone", "Unknown time zone",
                    "'" + Problems.quote(zone) + "' is not a region-based IANA time zone such as Europe/Berlin.");
        }
    }

    public static final class InvalidAvailabilityException extends ProblemException {
        public InvalidAvailabilityException(String kind, String detail) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, kind, "Invalid availability", detail);
        }
    }

    public static final class InvalidRangeException extends ProblemException {
        public InvalidRangeException(String detail) {
            super(HttpStatus.BAD_REQUEST, "invalid-range", "Invalid time range", detail);
        }
    }

    public static final class NotOnRosterException extends ProblemException {
        public NotOnRosterException() {
            super(HttpStatus.FORBIDDEN, "not-on-roster", "Not on the therapist's roster",
                    "Only the therapist's own clients can book with them.");
        }
    }

    public static final class SlotTakenException extends ProblemException {
        public SlotTakenException() {
            super(HttpStatus.CONFLICT, "slot-taken", "Slot taken", "This time is no longer free. Please pick another slot.");
        }
    }

    public static final class NotBookableException extends ProblemException {
        public NotBookableException(String kind, String detail) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, kind, "Not bookable", detail);
        }
    }

    /** A client cannot undo a session that began: its therapist records whether it took place. */
    public static final class SessionStartedException extends ProblemException {
        public SessionStartedException(String action) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "session-started", "Session already started",
                    "The session has started or is over, so it can no longer be " + action
                            + ". Your therapist records how it went; please contact them.");
        }
    }

    public static final class IdempotencyKeyReusedException extends ProblemException {
        public IdempotencyKeyReusedException() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was used for a different request. Use a new key for a new request.");
        }
    }

    public static final class SessionNotFoundException extends ProblemException {
        public SessionNotFoundException() {
            super(HttpStatus.NOT_FOUND, "session-not-found", "Session not found", "There is no such session of yours.");
        }
    }

    public static final class InvalidTransitionException extends ProblemException {
        public InvalidTransitionException(String detail) {
            super(HttpStatus.CONFLICT, "invalid-transition", "Not possible in this state", detail);
        }
    }

    public static final class NotAllowedException extends ProblemException {
        public NotAllowedException(String detail) {
            super(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
        }
    }
}
