package org.teletherapy.service.fhir;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A problem detail as a FHIR R4 {@code OperationOutcome}, for FHIR paths: FHIR clients read errors in that form
 * (FHIR RESTful API, "Handling errors"). The same stable problem type travels along as the issue's coded
 * {@code details}, so nothing is lost against the problem detail the rest of the API answers.
 */
public final class OperationOutcomes {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PROBLEM_PREFIX = "urn:teletherapy:problem:";

    private OperationOutcomes() {
    }

    /** Whether a request path is a FHIR one, whose errors are OperationOutcomes. */
    public static boolean isFhirPath(String path) {
        return path.equals("/fhir") || path.startsWith("/fhir/");
    }

    public static Map<String, Object> of(ProblemDetail problem) {
        List<Map<String, Object>> issues = new ArrayList<>();
        String code = issueCode(problem.getStatus());
        String kind = problem.getType() == null ? null : problem.getType().toString();
        Map<String, Object> details = kind != null && kind.startsWith(PROBLEM_PREFIX)
                ? Fhir.ordered("coding", List.of(Fhir.coding("urn:teletherapy:problem", kind.substring(PROBLEM_PREFIX.length()),
                        null)), "text", problem.getTitle())
                : Fhir.ordered("text", problem.getTitle());
        issues.add(Fhir.ordered("severity", "error", "code", code, "details", details,
                "diagnostics", problem.getDetail()));
        // Field errors name the parameter and what it must be, never the value sent (as the problem details do).
        if (problem.getProperties() != null && problem.getProperties().get("errors") instanceof List<?> errors) {
            for (Object error : errors) {
                Map<?, ?> fields = JSON.convertValue(error, Map.class);
                Object field = fields.get("field");
                Object message = fields.get("message");
                if (field != null) {
                    issues.add(Fhir.ordered("severity", "error", "code", code,
                            "diagnostics", field + (message == null ? "" : ": " + message)));
                }
            }
        }
        return Fhir.ordered("resourceType", "OperationOutcome", "issue", issues);
    }

    /**
     * An outcome of warnings that go with a successful answer, as a searchset entry: each is an issue of severity
     * {@code warning} with the issue-type code given (e.g. {@code incomplete}) and what a reader should know.
     */
    public static Map<String, Object> warnings(String code, List<String> diagnostics) {
        List<Map<String, Object>> issues = diagnostics.stream()
                .map(text -> Fhir.ordered("severity", "warning", "code", code, "diagnostics", text)).toList();
        return Fhir.ordered("resourceType", "OperationOutcome", "id", UUID.randomUUID().toString(),
                "issue", issues);
    }

    /** FHIR's issue-type codes for the statuses the platform answers. */
    static String issueCode(int status) {
        return switch (status) {
            case 400 -> "invalid";
            case 401 -> "login";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405, 406, 415 -> "not-supported";
            case 409 -> "conflict";
            case 410 -> "deleted";
            case 413 -> "too-costly";
            case 422 -> "business-rule";
            case 429 -> "throttled";
            case 502, 503, 504 -> "transient";
            default -> status >= 500 ? "exception" : "processing";
        };
    }

    /** Writes the outcome straight to the response, for places outside controllers (security, last resort). */
    public static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(Fhir.MEDIA_TYPE);
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        DataBuffer buffer = response.bufferFactory().wrap(JSON.writeValueAsBytes(of(problem)));
        return response.writeWith(Mono.just(buffer));
    }
}
