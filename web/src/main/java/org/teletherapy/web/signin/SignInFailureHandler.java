package org.teletherapy.web.signin;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * Signing in failed after Keycloak (a refused code, an invalid token): the person gets a page that says so and
 * offers to try again, instead of being sent round to Keycloak again; operators get the OAuth2 error code.
 */
final class SignInFailureHandler implements ServerAuthenticationFailureHandler {

    private static final Logger log = LoggerFactory.getLogger(SignInFailureHandler.class);

    @Override
    public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException failure) {
        String code = failure instanceof OAuth2AuthenticationException oauth2 ? oauth2.getError().getErrorCode()
                : failure.getClass().getSimpleName();
        // The error code only: descriptions can quote what the identity provider was sent.
        log.warn("sign-in failed: {}", code);
        return new DefaultServerRedirectStrategy().sendRedirect(exchange.getExchange(), URI.create("/sign-in-failed"));
    }
}
