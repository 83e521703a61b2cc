package org.teletherapy.service.input;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value the strict input rules refuse. Its message is written for the caller and never holds the value
 * itself, so a problem detail can quote it as it is; Jackson adds the field's path on the way out.
 */
public final class InvalidInputException extends MismatchedInputException {

    private final String reason;

    InvalidInputException(JsonParser parser, Class<?> targetType, String reason) {
        super(parser, reason, targetType);
        this.reason = reason;
    }

    /** What is wrong, e.g. "must not contain control characters". */
    public String reason() {
        return reason;
    }
}
