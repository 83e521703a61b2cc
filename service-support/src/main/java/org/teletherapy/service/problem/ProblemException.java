package org.teletherapy.service.problem;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

import java.util.List;

/**
 * The one base of every service's error types: each subclass is one kind of problem with a stable type, e.g.
 * {@code class SlotTakenException extends ProblemException}, so that a status is chosen once, with its type, and not
 * in every controller. The detail goes to the caller; it must never hold personal or clinical content.
 */
public abstract class ProblemException extends ErrorResponseException {

    protected ProblemException(HttpStatus status, String kind, String title, String detail) {
        this(status, kind, title, detail, (Throwable) null);
    }

    /** With the failure behind it, for the log; the caller sees only the problem. */
    protected ProblemException(HttpStatus status, String kind, String title, String detail, Throwable cause) {
        super(status, Problems.of(status, kind, title, detail), cause);
    }

    /** With the offending fields as the problem's {@code errors[]}: names and codes, never the values sent. */
    protected ProblemException(HttpStatus status, String kind, String title, String detail, List<FieldProblem> errors) {
        this(status, kind, title, detail);
        with("errors", errors);
    }

    /** Adds a machine-readable property to the problem (e.g. the conflicting dates). */
    public ProblemException with(String property, Object value) {
        getBody().setProperty(property, value);
        return this;
    }
}
