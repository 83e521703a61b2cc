package org.teletherapy.sessions.availability;

import org.springframework.http.HttpStatus;
import org.teletherapy.service.problem.FieldProblem;
import org.teletherapy.service.problem.ProblemException;
import org.teletherapy.service.problem.Problems;

import java.util.List;

/** The ways an availability or slot request can be refused, each with its own problem type. */
final class AvailabilityProblems {

    private AvailabilityProblems() {
    }

    static final class UnknownTimeZoneException extends ProblemException {
        UnknownTimeZoneException(String zone) {
            super(HttpStatus.BAD_REQUEST, "unknown-time-zone", "Unknown time zone",
                    "'" + Problems.quote(zone) + "' is not a region-based IANA time zone such as Europe/Berlin.",
                    List.of(new FieldProblem("timeZone", "unknown-time-zone", "is not a region-based IANA time zone")));
        }
    }

    /**
     * A rule between fields broken; {@code field} names the entry concerned ({@code weekly[2].end}), so a form can say
     * it next to the field, with the kind as its code.
     */
    static final class InvalidAvailabilityException extends ProblemException {
        InvalidAvailabilityException(String kind, String detail, String field, String message) {
            super(HttpStatus.UNPROCESSABLE_CONTENT, kind, "Invalid availability", detail,
                    List.of(new FieldProblem(field, kind, message)));
        }
    }

    static final class InvalidRangeException extends ProblemException {
        InvalidRangeException(String detail) {
            super(HttpStatus.BAD_REQUEST, "invalid-range", "Invalid time range", detail);
        }
    }
}
