package org.teletherapy.web.page;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The therapist's workspace is for therapists: a client or an operator who opens one of its addresses gets the
 * "not for this account" page, before any API call. The API refuses them as well; this keeps them from a page that
 * could only fail part by part.
 */
public final class TherapistOnly {

    private TherapistOnly() {
    }

    /** Completes empty for a signed-in therapist, with a 403 otherwise. */
    public static Mono<Void> check(ServerWebExchange exchange) {
        return exchange.getPrincipal().ofType(Authentication.class)
                .filter(TherapistOnly::isTherapist)
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.FORBIDDEN)))
                .then();
    }

    static boolean isTherapist(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .anyMatch(authority -> "ROLE_THERAPIST".equals(authority.getAuthority()));
    }
}
