package org.teletherapy.notes.audit;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;

import java.util.Locale;

/** How an audited access ended. */
public enum AuditOutcome {
    SUCCESS, INVALID, DENIED, NOT_FOUND, CONFLICT, GONE, INTEGRITY_FAILURE, ERROR;

    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The outcome an error stands for: its own, its HTTP status's, or {@link #ERROR}. */
    public static AuditOutcome of(Throwable error) {
        if (error instanceof AuditedFailure failure) {
            return failure.auditOutcome();
        }
        if (error instanceof AccessDeniedException) {
            return DENIED;
        }
        if (error instanceof ErrorResponse response) {
            return switch (response.getStatusCode().value()) {
                case 400, 413, 422 -> INVALID;
                case 401, 403 -> DENIED;
                case 404 -> NOT_FOUND;
                case 409 -> CONFLICT;
                case 410 -> GONE;
                default -> ERROR;
            };
        }
        return ERROR;
    }

    /** An error that says itself how it is audited. */
    public interface AuditedFailure {
        AuditOutcome auditOutcome();
    }
}
