package org.teletherapy.service.problem;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/** Builds RFC 9457 problem details with our stable {@code type} URIs. */
public final class Problems {

    private static final String TYPE_PREFIX = "urn:teletherapy:problem:";
    private static final int QUOTE_LIMIT = 40;

    private Problems() {
    }

    /** A problem of a given kind, e.g. {@code of(CONFLICT, "slot-taken", "Slot taken", "…")}. */
    public static ProblemDetail of(HttpStatusCode status, String kind, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(kind));
        problem.setTitle(title);
        return problem;
    }

    /**
     * Input fit to quote in a problem detail: at most {@value #QUOTE_LIMIT} characters, control characters replaced,
     * so a caller never gets a large or binary input echoed back.
     */
    public static String quote(String input) {
        if (input == null) {
            return "";
        }
        StringBuilder quoted = new StringBuilder();
        input.codePoints().limit(QUOTE_LIMIT).forEach(c -> quoted.appendCodePoint(Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT ? '?' : c));
        return input.codePointCount(0, input.length()) > QUOTE_LIMIT ? quoted.append('…').toString() : quoted.toString();
    }

    public static URI type(String kind) {
        return URI.create(TYPE_PREFIX + kind);
    }
}
