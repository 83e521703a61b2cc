package org.teletherapy.service.problem;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedException;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.util.Set;

/**
 * Spring Security's request firewall refuses URLs such as {@code //}, {@code ;jsessionid=}, {@code %2e%2e},
 * {@code %2f} or {@code %00}, and methods such as {@code TRACE}: with a problem detail rather than an empty 400.
 * The firewall's own message quotes the request, so it is not passed on.
 */
public final class RejectedRequestProblems implements ServerExchangeRejectedHandler {

    private static final Set<HttpMethod> ALLOWED = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.POST,
            HttpMethod.PUT, HttpMethod.PATCH, HttpMethod.DELETE, HttpMethod.OPTIONS);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, ServerExchangeRejectedException rejected) {
        ProblemDetail problem;
        if (!ALLOWED.contains(exchange.getRequest().getMethod())) {
            problem = Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                    "This API answers GET, HEAD, POST, PUT, PATCH, DELETE and OPTIONS only.");
            exchange.getResponse().getHeaders().setAllow(ALLOWED);
        } else {
            problem = Problems.of(HttpStatus.BAD_REQUEST, "request-rejected", "Request rejected",
                    "The URL holds a sequence this API never accepts, such as //, ;, an encoded / or . or a NUL.");
        }
        return ProblemResponses.write(exchange, problem);
    }
}
