package org.teletherapy.service.problem;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * Base of a service's error types: each subclass is one kind of problem with a stable type, e.g.
 * {@code class SlotTakenException extends ProblemException}. The detail goes to the caller; it must never hold
 * personal or clinical content.
 */
public class ProblemException extends ErrorResponseException {

    public ProblemException(HttpStatus status, String kind, String title, String detail) {
        this(status, kind, title, detail, null);
    }

    /** With the failure behind it, for the log; the caller sees only the problem. */
    public ProblemException(HttpStatus status, String kind, String title, String detail, Throwable cause) {
        super(status, Problems.of(status, kind, title, detail), cause);
    }

    /** Adds a machine-readable property to the problem (e.g. the conflicting dates). */
    public ProblemException with(String property, Object value) {
        getBody().setProperty(property, value);
        return this;
    }
}
