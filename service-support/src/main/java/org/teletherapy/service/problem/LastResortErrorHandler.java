package org.teletherapy.service.problem;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Whatever escapes the controllers still leaves as a problem detail: never a stack trace, never an exception
 * message (which could hold personal data) for a 500. The exception goes to the log, with the request id.
 */
@Order(-2)
public final class LastResortErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(LastResortErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        ProblemDetail problem;
        if (error instanceof ErrorResponse response) {
            problem = response.getBody();
            if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
                problem.setType(Problems.type(kind(problem.getStatus())));
            }
        } else {
            log.error("unhandled error on {} {} (request id {})", exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath().value(), exchange.getRequest().getHeaders().getFirst("X-Request-Id"), error);
            problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal",
                    "Internal error", "Something went wrong on our side. The request id identifies it in our logs.");
        }
        return ProblemResponses.write(exchange, problem);
    }

    static String kind(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        return known == null ? "http-" + status : known.name().toLowerCase().replace('_', '-');
    }
}
