package org.teletherapy.service.problem;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;

/** Builds RFC 9457 problem details with our stable {@code type} URIs. */
public final class Problems {

    private static final String TYPE_PREFIX = "urn:teletherapy:problem:";

    private Problems() {
    }

    /** A problem of a given kind, e.g. {@code of(CONFLICT, "slot-taken", "Slot taken", "…")}. */
    public static ProblemDetail of(HttpStatusCode status, String kind, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(kind));
        problem.setTitle(title);
        return problem;
    }

    public static URI type(String kind) {
        return URI.create(TYPE_PREFIX + kind);
    }
}
