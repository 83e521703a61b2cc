package org.teletherapy.web.signin;

import org.springframework.http.HttpCookie;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.DefaultServerRedirectStrategy;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.ServerRedirectStrategy;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

import java.net.URI;

/**
 * Someone who is not signed in goes to Keycloak's sign-in page; someone whose browser still sends a session cookie
 * that no longer has a session was signed out for inactivity, and is told so before signing in again.
 */
final class SignInEntryPoint implements ServerAuthenticationEntryPoint {

    static final String SESSION_COOKIE = "SESSION";

    private final ServerRedirectStrategy redirects = new DefaultServerRedirectStrategy();
    // The same cache the sign-in success handler reads: after signing in, the person lands on the page they asked for.
    private final ServerRequestCache requests = new WebSessionServerRequestCache();

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException refusal) {
        HttpCookie cookie = exchange.getRequest().getCookies().getFirst(SESSION_COOKIE);
        return exchange.getSession().flatMap(session -> {
            boolean expired = cookie != null && !cookie.getValue().equals(session.getId());
            return requests.saveRequest(exchange).then(redirects.sendRedirect(exchange, URI.create(expired
                    ? "/session-expired"
                    : "/oauth2/authorization/" + KeycloakClientRegistration.REGISTRATION_ID)));
        });
    }
}
