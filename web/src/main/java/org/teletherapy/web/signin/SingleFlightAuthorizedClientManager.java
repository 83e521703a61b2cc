package org.teletherapy.web.signin;

import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import reactor.core.publisher.Mono;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One token refresh at a time per signed-in user. Keycloak's production realm makes refresh tokens single-use
 * ({@code revokeRefreshToken}): when two page requests of one user found the access token expired at once, both
 * refreshed with the same refresh token, the second was refused and the user was signed out mid-page
 * (spring-cloud-gateway #3656). Requests that arrive while a refresh is under way wait for its result instead.
 */
final class SingleFlightAuthorizedClientManager implements ReactiveOAuth2AuthorizedClientManager {

    private final ReactiveOAuth2AuthorizedClientManager delegate;
    private final Map<String, Mono<OAuth2AuthorizedClient>> inFlight = new ConcurrentHashMap<>();

    SingleFlightAuthorizedClientManager(ReactiveOAuth2AuthorizedClientManager delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<OAuth2AuthorizedClient> authorize(OAuth2AuthorizeRequest request) {
        String key = request.getClientRegistrationId() + "\u0000" + request.getPrincipal().getName();
        return Mono.defer(() -> inFlight.computeIfAbsent(key, k -> delegate.authorize(request)
                .doFinally(signal -> inFlight.remove(k))
                .cache()));
    }
}
