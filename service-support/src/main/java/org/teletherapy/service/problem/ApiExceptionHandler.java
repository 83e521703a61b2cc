package org.teletherapy.service.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.MethodParameter;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerErrorException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.teletherapy.service.fhir.Fhir;
import org.teletherapy.service.fhir.OperationOutcomes;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Maps every exception a controller can raise to a problem detail with a stable {@code type}.
 * Domain errors are {@link ProblemException} subclasses and keep their own type.
 * Input errors name the field (JSON path or parameter name) and what it must be, never the value sent.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    private final InputProblems input;

    public ApiExceptionHandler(JsonMapper json) {
        this.input = new InputProblems(json);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        return badRequest(InputProblems.validation(ex.getFieldErrors().stream().map(ApiExceptionHandler::error).toList()));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        // The default detail can echo parts of the request body; name only what was wrong.
        var mismatch = InputProblems.typeMismatch(ex);
        if (mismatch.isPresent()) {
            return badRequest(input.parameter(ex.getMethodParameter(), mismatch.get()));
        }
        var jackson = InputProblems.jackson(ex);
        if (jackson.isPresent()) {
            return badRequest(input.body(jackson.get()));
        }
        if (ex.getCause() instanceof DecodingException) {
            return badRequest(InputProblems.malformed("The request body could not be read."));
        }
        MethodParameter parameter = ex.getMethodParameter();
        return badRequest(InputProblems.malformed(parameter != null && parameter.getParameterName() != null
                ? "The value of '" + parameter.getParameterName() + "' could not be read."
                : "The request body is missing or could not be read."));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleMissingRequestValueException(MissingRequestValueException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        return badRequest(InputProblems.validation(List.of(InputProblems.error(ex.getName(), "is required"))));
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<Map<String, String>> errors = new ArrayList<>();
        ex.getParameterValidationResults().forEach(result -> {
            if (result instanceof ParameterErrors bound) {
                bound.getFieldErrors().forEach(error -> errors.add(error(error)));
            } else {
                String name = result.getMethodParameter().getParameterName();
                result.getResolvableErrors().forEach(error -> errors.add(InputProblems.error(
                        name == null ? "parameter" : name,
                        error.getDefaultMessage() == null ? "invalid" : error.getDefaultMessage())));
            }
        });
        return badRequest(InputProblems.validation(errors));
    }

    /** A path variable that converted to nothing is the caller's mistake, not the server's. */
    @Override
    protected Mono<ResponseEntity<Object>> handleServerErrorException(ServerErrorException ex, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        MethodParameter parameter = ex.getMethodParameter();
        if (parameter != null && parameter.hasParameterAnnotation(PathVariable.class)) {
            return badRequest(InputProblems.validation(List.of(InputProblems.error(
                    parameter.getParameterName() == null ? "path" : parameter.getParameterName(), "is required"))));
        }
        return super.handleServerErrorException(ex, headers, status, exchange);
    }

    /** A domain problem on our side (5xx) is logged by type and request id, never by its message or cause's. */
    @Override
    protected Mono<ResponseEntity<Object>> handleErrorResponseException(ErrorResponseException ex, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        if (status.is5xxServerError()) {
            log.warn("{} answered {} on {} {} (request id {})", ex.getClass().getSimpleName(), status.value(),
                    exchange.getRequest().getMethod(), exchange.getRequest().getPath().value(),
                    exchange.getRequest().getHeaders().getFirst("X-Request-Id"));
        }
        return super.handleErrorResponseException(ex, headers, status, exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> createResponseEntity(Object body, HttpHeaders headers,
            HttpStatusCode status, ServerWebExchange exchange) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(Problems.type(LastResortErrorHandler.kind(status.value())));
        }
        // A FHIR path that no handler method serves (no static resource either): answered as FHIR clients read errors.
        if (body instanceof ProblemDetail problem && OperationOutcomes.isFhirPath(exchange.getRequest().getPath().value())) {
            return Mono.just(ResponseEntity.status(status).contentType(Fhir.MEDIA_TYPE).body(OperationOutcomes.of(problem)));
        }
        return super.createResponseEntity(body, headers, status, exchange);
    }

    @ExceptionHandler(AccessDeniedException.class)
    Mono<ResponseEntity<ProblemDetail>> accessDenied(AccessDeniedException ex) {
        return Mono.just(ResponseEntity.status(HttpStatus.FORBIDDEN)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your role does not allow this.")));
    }

    private static Map<String, String> error(FieldError error) {
        return InputProblems.error(error.getField(), error.getDefaultMessage() == null ? "invalid" : error.getDefaultMessage());
    }

    private static Mono<ResponseEntity<Object>> badRequest(ProblemDetail problem) {
        return Mono.just(ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem));
    }
}
