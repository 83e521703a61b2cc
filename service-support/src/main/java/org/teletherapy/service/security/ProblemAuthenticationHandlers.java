package org.teletherapy.service.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.teletherapy.service.problem.ProblemResponses;
import org.teletherapy.service.problem.Problems;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** 401 and 403 as problem details, with a {@code WWW-Authenticate} challenge for 401 (RFC 6750). */
public final class ProblemAuthenticationHandlers {

    private static final Logger log = LoggerFactory.getLogger(ProblemAuthenticationHandlers.class);

    private ProblemAuthenticationHandlers() {
    }

    public static ServerAuthenticationEntryPoint entryPoint() {
        return (exchange, ex) -> {
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer realm=\"teletherapy\"");
            return ProblemResponses.write(exchange, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized",
                    "Unauthorized", "A valid bearer token from the teletherapy realm is required."));
        };
    }

    /** 403 after telling each listener; a listener's failure is logged and the refusal stands. */
    public static ServerAccessDeniedHandler accessDenied(ObjectProvider<AccessRefusalListener> listeners) {
        return (exchange, ex) -> Flux.fromStream(listeners.orderedStream())
                .concatMap(listener -> listener.refused(exchange)
                        .onErrorResume(error -> {
                            log.warn("An access refusal listener failed: {}", error.getClass().getSimpleName());
                            return Mono.empty();
                        }))
                .then(ProblemResponses.write(exchange, forbidden()));
    }

    private static ProblemDetail forbidden() {
        return Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden", "Your role does not allow this.");
    }
}
