package org.teletherapy.gateway.resilience;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.teletherapy.service.problem.Problems;

import java.util.concurrent.TimeoutException;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR;

/** Where a route's circuit breaker sends a call that failed: the caller gets a problem detail, never a hang. */
@RestController
class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    @RequestMapping("/fallback/{service}")
    ResponseEntity<ProblemDetail> unavailable(@PathVariable String service, ServerWebExchange exchange) {
        Throwable failure = exchange.getAttribute(CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        ProblemDetail problem;
        // The time limiter's TimeoutException, or the HTTP client's response timeout, which the routing filter turns
        // into a 504 ResponseStatusException; whichever fires first, the caller learns that the service was slow.
        if (failure instanceof TimeoutException
                || failure instanceof org.springframework.cloud.gateway.support.TimeoutException
                || failure instanceof ResponseStatusException status && status.getStatusCode().value() == 504) {
            problem = Problems.of(HttpStatus.GATEWAY_TIMEOUT, "service-timeout", "Service timed out",
                    "The " + service + " did not answer in time. Please try again.");
        } else if (failure instanceof CallNotPermittedException) {
            problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                    "The " + service + " is failing; calls are paused for a few seconds.");
        } else {
            problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                    "The " + service + " cannot be reached right now. Please try again shortly.");
        }
        log.warn("{} fallback for {}: {}", problem.getStatus(), service,
                failure == null ? "unknown" : failure.getClass().getSimpleName());
        problem.setProperty("service", service);
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
