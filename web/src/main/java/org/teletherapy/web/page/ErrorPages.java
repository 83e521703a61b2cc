package org.teletherapy.web.page;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.reactive.result.view.Rendering;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.teletherapy.web.api.ApiProblem;
import org.teletherapy.web.api.ApiUnavailable;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a person sees when a whole page cannot be shown: the API's refusal as a page in their language (not found,
 * not theirs, already gone), or a service that is down. A part of a page whose service is down is handled by the
 * page itself, which still shows the rest.
 */
@ControllerAdvice
// Before service-support's API handlers, which answer problem JSON: a person gets a page.
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    @ExceptionHandler(ApiProblem.class)
    Mono<Rendering> refused(ApiProblem problem, ServerWebExchange exchange) {
        if (problem.status().value() == HttpStatus.UNAUTHORIZED.value()) {
            // The token the session held is no longer accepted: sign in again rather than show an error.
            return Mono.just(Rendering.redirectTo("/session-expired").build());
        }
        // The API's own outage is ours too: the service is unavailable, whatever it answered.
        return byStatus(problem.status().value(), HttpStatus.SERVICE_UNAVAILABLE, exchange);
    }

    @ExceptionHandler(ApiUnavailable.class)
    Mono<Rendering> unavailable(ServerWebExchange exchange) {
        return page("5xx", HttpStatus.SERVICE_UNAVAILABLE, exchange);
    }

    /** The web app's own refusals: an address without a page, a method a page does not take. */
    @ExceptionHandler({ResponseStatusException.class, ErrorResponseException.class})
    Mono<Rendering> refusedHere(Exception exception, ServerWebExchange exchange) {
        return byStatus(((ErrorResponse) exception).getStatusCode().value(), HttpStatus.INTERNAL_SERVER_ERROR, exchange);
    }

    /** Gone is not found for a person; any other 4xx keeps its status; a 5xx becomes {@code serverError}. */
    private static Mono<Rendering> byStatus(int status, HttpStatus serverError, ServerWebExchange exchange) {
        if (status == HttpStatus.NOT_FOUND.value() || status == HttpStatus.GONE.value()) {
            return page("404", HttpStatus.NOT_FOUND, exchange);
        }
        if (status == HttpStatus.FORBIDDEN.value()) {
            return page("403", HttpStatus.FORBIDDEN, exchange);
        }
        HttpStatus known = HttpStatus.resolve(status);
        return known != null && known.is4xxClientError() ? page("4xx", known, exchange) : page("5xx", serverError, exchange);
    }

    /** A fault of ours: logged by type and place only (its message could hold what the page showed). */
    @ExceptionHandler(Exception.class)
    Mono<Rendering> fault(Exception fault, ServerWebExchange exchange) {
        log.error("page failed: {} {} ({} at {})", exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value(), fault.getClass().getName(),
                Arrays.stream(fault.getStackTrace()).limit(8).map(String::valueOf).collect(Collectors.joining(" < ")));
        return page("5xx", HttpStatus.INTERNAL_SERVER_ERROR, exchange);
    }

    // Exception handlers get a model of their own: the layout's navigation needs to know who is signed in again.
    private static Mono<Rendering> page(String kind, HttpStatus status, ServerWebExchange exchange) {
        return exchange.getPrincipal().ofType(Authentication.class)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .map(signedIn -> Rendering.view("error/page").status(status).modelAttribute("kind", kind)
                        .modelAttribute("signedIn", signedIn.isPresent())
                        .modelAttribute("asClient", signedIn.map(SignedInAdvice::isClient).orElse(false))
                        .modelAttribute("asTherapist", signedIn.map(Roles::isTherapist).orElse(false))
                        .modelAttribute("asOperator", signedIn.map(Roles::isOperator).orElse(false))
                        .build());
    }
}
