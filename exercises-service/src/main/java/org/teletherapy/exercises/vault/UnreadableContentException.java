package org.teletherapy.exercises.vault;

import org.springframework.http.HttpStatus;
import org.teletherapy.service.problem.ProblemException;

/**
 * A ciphertext did not authenticate (changed, moved to another row) or its key is unavailable. Names no client.
 * Where it is not left out of a view, it answers as notes-service answers a note that fails its check: a problem
 * that says what happened, not a generic 500.
 */
public final class UnreadableContentException extends ProblemException {

    private final String reason;

    private UnreadableContentException(HttpStatus status, String kind, String title, String detail, String reason,
                                       Throwable cause) {
        super(status, kind, title, detail, cause);
        this.reason = reason;
    }

    static UnreadableContentException tampered(Throwable cause) {
        return new UnreadableContentException(HttpStatus.INTERNAL_SERVER_ERROR, "content-integrity-failure",
                "Content failed its integrity check", "The stored answers or texts were changed outside the exercises service "
                        + "and are not shown. The incident was recorded; quote the request id to support.",
                "ciphertext failed authentication", cause);
    }

    static UnreadableContentException keyUnavailable(Throwable cause) {
        return new UnreadableContentException(HttpStatus.SERVICE_UNAVAILABLE, "content-key-unavailable",
                "Content key unavailable", "The key that protects this content cannot be used right now. The incident "
                        + "was recorded; quote the request id to support.", "client key unavailable", cause);
    }

    /** Whether the content itself is damaged for good, as against a key that is only unavailable for now. */
    public boolean integrityFailed() {
        return getStatusCode().value() == HttpStatus.INTERNAL_SERVER_ERROR.value();
    }

    @Override
    public String getMessage() {
        return reason;
    }
}
