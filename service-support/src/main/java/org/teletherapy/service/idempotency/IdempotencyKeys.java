package org.teletherapy.service.idempotency;

import org.springframework.http.HttpStatus;
import org.teletherapy.service.problem.FieldProblem;
import org.teletherapy.service.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} header of writes a client may retry (DESIGN.md §8). Keys come from clients: only short
 * opaque tokens are accepted, so that a key is safe to store and to compare. A key is kept with a hash of the request
 * it was first used for, so that a retry is recognised as the same request and a reused key for another one is not.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";

    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final String SHAPE = "1 to 100 letters, digits or . _ : -";

    private IdempotencyKeys() {
    }

    /** The key as sent, or null when none was sent; a key of another shape is refused. */
    public static String check(String key) {
        if (key != null && !ACCEPTABLE.matcher(key).matches()) {
            throw new InvalidIdempotencyKeyException();
        }
        return key;
    }

    /**
     * SHA-256 over a request in a canonical form (its parsed fields, not its bytes), so that a retry that only lays its
     * JSON out differently still matches.
     */
    public static String requestHash(String canonical) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** SHA-256 over the request's parsed fields, one a line. */
    public static String requestHash(Object... fields) {
        StringBuilder canonical = new StringBuilder();
        for (Object field : fields) {
            canonical.append(field).append('\n');
        }
        return requestHash(canonical.toString());
    }

    public static final class InvalidIdempotencyKeyException extends ProblemException {
        InvalidIdempotencyKeyException() {
            super(HttpStatus.BAD_REQUEST, "invalid-idempotency-key", "Invalid Idempotency-Key",
                    "An Idempotency-Key is " + SHAPE + ".", List.of(new FieldProblem(HEADER, "invalid", SHAPE)));
        }
    }

    /** The key of an earlier request came with another one: not a retry, so not answered with the first result. */
    public static final class IdempotencyKeyReusedException extends ProblemException {
        public IdempotencyKeyReusedException() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was used for a different request. Use a new key for a new request.",
                    List.of(new FieldProblem(HEADER, "reused", "Used before with another request.")));
        }
    }
}
