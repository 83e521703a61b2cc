package org.teletherapy.web.api;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The API refused a call and said why in a problem detail (RFC 9457). */
public final class ApiProblem extends RuntimeException {

    private static final String TYPE_PREFIX = "urn:teletherapy:problem:";

    private static final Set<String> STANDARD_MEMBERS = Set.of("type", "title", "status", "detail", "instance");

    private final HttpStatusCode status;
    private final ProblemDetail problem;

    ApiProblem(HttpStatusCode status, ProblemDetail problem) {
        super(problem.getTitle(), null, false, false);
        this.status = status;
        this.problem = problem;
    }

    public HttpStatusCode status() {
        return status;
    }

    /** The kind of problem, e.g. {@code slot-taken} for {@code urn:teletherapy:problem:slot-taken}. */
    public String kind() {
        URI type = problem.getType();
        String value = type == null ? "" : type.toString();
        return value.startsWith(TYPE_PREFIX) ? value.substring(TYPE_PREFIX.length()) : "http-" + status.value();
    }

    public String detail() {
        return problem.getDetail();
    }

    /** An extension member that is a list of texts, such as a series' {@code conflicts}; empty when absent. */
    public List<String> texts(String member) {
        Map<String, Object> properties = problem.getProperties();
        if (properties != null && properties.get(member) instanceof List<?> values) {
            return values.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }

    /** An extension member that is a text (or a number, as text), such as {@code note-exists}' {@code noteId}; null when absent. */
    public String textOf(String member) {
        Object value = problem.getProperties() == null ? null : problem.getProperties().get(member);
        return value instanceof String || value instanceof Number ? String.valueOf(value) : null;
    }

    /** One field the API named in {@code errors[]}, e.g. {@code answers.item9} with code {@code required}. */
    public record FieldError(String field, String code, String message) {
    }

    /** The fields the API named as wrong, in its order; none when it named none. */
    public List<FieldError> errors() {
        if (!(problem.getProperties() != null && problem.getProperties().get("errors") instanceof List<?> errors)) {
            return List.of();
        }
        return errors.stream().filter(Map.class::isInstance).map(Map.class::cast)
                .map(error -> new FieldError(text(error.get("field")), text(error.get("code")), text(error.get("message"))))
                .toList();
    }

    private static String text(Object value) {
        return value instanceof String text ? text : "";
    }

    static ProblemDetail detailOf(HttpStatusCode status, Map<String, Object> body) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        if (body.get("type") instanceof String type) {
            problem.setType(URI.create(type));
        }
        if (body.get("title") instanceof String title) {
            problem.setTitle(title);
        }
        if (body.get("detail") instanceof String detail) {
            problem.setDetail(detail);
        }
        body.forEach((name, value) -> {
            if (!STANDARD_MEMBERS.contains(name) && value != null) {
                problem.setProperty(name, value);
            }
        });
        return problem;
    }
}
