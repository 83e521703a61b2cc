package org.teletherapy.service.security;

import org.springframework.http.HttpStatus;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.teletherapy.service.problem.ProblemResponses;
import org.teletherapy.service.problem.Problems;

/** 401 and 403 as problem details, with a {@code WWW-Authenticate} challenge for 401 (RFC 6750). */
public final class ProblemAuthenticationHandlers {

    private ProblemAuthenticationHandlers() {
    }

    public static ServerAuthenticationEntryPoint entryPoint() {
        return (exchange, ex) -> {
            exchange.getResponse().getHeaders().set("WWW-Authenticate", "Bearer realm=\"teletherapy\"");
            return ProblemResponses.write(exchange, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized",
                    "Unauthorized", "A valid bearer token from the teletherapy realm is required."));
        };
    }

    public static ServerAccessDeniedHandler accessDenied() {
        return (exchange, ex) -> ProblemResponses.write(exchange, Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                "Forbidden", "Your role does not allow this."));
    }
}
