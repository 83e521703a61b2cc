package org.teletherapy.web.page;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Whether the page is for a signed-in person, and a client: the layout then offers navigation (booking for clients)
 * and signing out. The API checks every call itself; this only chooses links.
 */
@ControllerAdvice
class SignedInAdvice {

    @ModelAttribute("signedIn")
    Mono<Boolean> signedIn(ServerWebExchange exchange) {
        return exchange.getPrincipal().map(principal -> true).defaultIfEmpty(false);
    }

    @ModelAttribute("client")
    Mono<Boolean> client(ServerWebExchange exchange) {
        return exchange.getPrincipal().ofType(Authentication.class)
                .map(SignedInAdvice::isClient)
                .defaultIfEmpty(false);
    }

    /** A therapist's pages carry the live safety banner. */
    @ModelAttribute("therapist")
    Mono<Boolean> therapist(ServerWebExchange exchange) {
        return exchange.getPrincipal().ofType(Authentication.class)
                .map(authentication -> authentication.getAuthorities().stream()
                        .anyMatch(authority -> "ROLE_THERAPIST".equals(authority.getAuthority())))
                .defaultIfEmpty(false);
    }

    /** An operator's navigation leads to the console. */
    @ModelAttribute("operator")
    Mono<Boolean> operator(ServerWebExchange exchange) {
        return exchange.getPrincipal().ofType(Authentication.class)
                .map(authentication -> authentication.getAuthorities().stream()
                        .anyMatch(authority -> "ROLE_OPERATOR".equals(authority.getAuthority())))
                .defaultIfEmpty(false);
    }

    /** The page's own path, so the navigation can mark where the person is (aria-current). */
    @ModelAttribute("currentPath")
    String currentPath(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().pathWithinApplication().value();
    }

    static boolean isClient(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .anyMatch(authority -> "ROLE_CLIENT".equals(authority.getAuthority()));
    }
}
