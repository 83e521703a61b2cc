package org.teletherapy.sessions.availability;

import org.springframework.http.HttpStatus;
import org.teletherapy.service.problem.ProblemException;
import org.teletherapy.service.problem.Problems;

/** The ways an availability or slot request can be refused, each with its own problem type. */
final class AvailabilityProblems {

    private AvailabilityProblems() {
    }

    static final class UnknownTimeZoneException extends ProblemException {
        UnknownTimeZoneException(String zone) {
            super(HttpStatus.BAD_REQUEST, "unknown-time-zone", "Unknown time zone",
                    "'" + Problems.quote(zone) + "' is not a region-based IANA time zone such as Europe/Berlin.");
        }
    }

    static final class InvalidAvailabilityException extends ProblemException {
        InvalidAvailabilityException(String kind, String detail) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, kind, "Invalid availability", detail);
        }
    }

    static final class InvalidRangeException extends ProblemException {
        InvalidRangeException(String detail) {
            super(HttpStatus.BAD_REQUEST, "invalid-range", "Invalid time range", detail);
        }
    }
}
