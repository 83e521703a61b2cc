package org.teletherapy.service.problem;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.teletherapy.service.fhir.OperationOutcomes;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Writes a problem detail straight to a response, for the places that run before or outside controllers
 * (authentication entry points, the last-resort error handler, the gateway); on FHIR paths as an OperationOutcome.
 */
public final class ProblemResponses {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A path is quoted back as the instance only when short and plain: a refused request's path may be neither. */
    private static final Pattern SAFE_PATH = Pattern.compile("/[A-Za-z0-9._~/-]{0,200}");

    private ProblemResponses() {
    }

    public static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        String path = exchange.getRequest().getPath().value();
        if (OperationOutcomes.isFhirPath(path)) {
            // FHIR clients read errors as OperationOutcomes, also a refused token or an unknown path.
            return OperationOutcomes.write(exchange, problem);
        }
        if (problem.getInstance() == null && SAFE_PATH.matcher(path).matches()) {
            problem.setInstance(URI.create(path));
        }
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-store");
        byte[] body = JSON.writeValueAsBytes(asMap(problem));
        DataBuffer buffer = response.bufferFactory().wrap(body);
        return response.writeWith(Mono.just(buffer));
    }

    static Map<String, Object> asMap(ProblemDetail problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        if (problem.getDetail() != null) {
            body.put("detail", problem.getDetail());
        }
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
