package org.teletherapy.sessions.booking;

import org.springframework.http.HttpStatus;
import org.teletherapy.service.problem.ProblemException;

import java.util.regex.Pattern;

/** Idempotency keys come from clients: accept short opaque tokens only. */
final class IdempotencyKeys {

    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private IdempotencyKeys() {
    }

    static String check(String key) {
        if (key != null && !ACCEPTABLE.matcher(key).matches()) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "invalid-idempotency-key", "Invalid Idempotency-Key",
                    "An Idempotency-Key has 1 to 100 letters, digits or . _ : -");
        }
        return key;
    }
}
