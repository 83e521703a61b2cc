package org.teletherapy.service.fhir;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.server.ServerWebExchange;
import org.teletherapy.service.problem.ApiExceptionHandler;
import org.teletherapy.service.problem.Problems;
import reactor.core.publisher.Mono;

import java.util.Map;

/**
 * The errors of {@link FhirEndpoint} controllers as OperationOutcomes. The problem itself (status, type, detail,
 * field errors) is still decided once, by {@link ApiExceptionHandler}; only its form changes here.
 */
@RestControllerAdvice(annotations = FhirEndpoint.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
public class FhirExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(FhirExceptionHandler.class);

    private final ApiExceptionHandler problems;

    public FhirExceptionHandler(ApiExceptionHandler problems) {
        this.problems = problems;
    }

    @ExceptionHandler(Exception.class)
    Mono<ResponseEntity<Map<String, Object>>> outcome(Exception error, ServerWebExchange exchange) {
        if (error instanceof AccessDeniedException) {
            return Mono.just(respond(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                    "Your role does not allow this.")));
        }
        return problems.handleException(error, exchange)
                .map(entity -> outcomeOf(entity, error, exchange))
                // Not one of the exceptions the problem handler knows: its own status if it has one, else a 500.
                .onErrorResume(unhandled -> Mono.just(unhandled instanceof ErrorResponse response
                        ? respond(response.getBody()) : internal(unhandled, exchange)));
    }

    /** The problem handler's answer; on a FHIR path it is an OperationOutcome already (ApiExceptionHandler). */
    @SuppressWarnings("unchecked")
    private ResponseEntity<Map<String, Object>> outcomeOf(ResponseEntity<Object> entity, Exception error,
                                                          ServerWebExchange exchange) {
        if (entity.getBody() instanceof ProblemDetail problem) {
            return respond(problem);
        }
        if (entity.getBody() instanceof Map<?, ?> outcome && "OperationOutcome".equals(outcome.get("resourceType"))) {
            return ResponseEntity.status(entity.getStatusCode()).contentType(Fhir.MEDIA_TYPE)
                    .body((Map<String, Object>) outcome);
        }
        return internal(error, exchange);
    }

    private ResponseEntity<Map<String, Object>> internal(Throwable error, ServerWebExchange exchange) {
        log.error("unhandled error on a FHIR request {} (request id {})", exchange.getRequest().getMethod(),
                exchange.getRequest().getHeaders().getFirst("X-Request-Id"), error);
        return respond(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side. The request id identifies it in our logs."));
    }

    private static ResponseEntity<Map<String, Object>> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(Fhir.MEDIA_TYPE).body(OperationOutcomes.of(problem));
    }
}
