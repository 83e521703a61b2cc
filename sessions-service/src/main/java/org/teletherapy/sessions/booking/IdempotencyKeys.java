package org.teletherapy.sessions.booking;

import org.springframework.http.HttpStatus;
import org.teletherapy.service.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Idempotency keys come from clients: accept short opaque tokens only. A key is kept with a hash of the request it
 * was first used for, so that a retry is recognised as the same request and a reused key for another one is not.
 */
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

    /** SHA-256 over the request's parsed fields, so a retry that only formats its JSON differently still matches. */
    static String requestHash(Object... fields) {
        StringBuilder canonical = new StringBuilder();
        for (Object field : fields) {
            canonical.append(field).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
