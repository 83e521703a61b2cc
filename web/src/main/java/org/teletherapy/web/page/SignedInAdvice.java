package org.teletherapy.web.page;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Whether the page is for a signed-in person, and a client, a therapist or an operator: the layout then offers
 * navigation (booking for clients, the week and the caseload for therapists, the console for operators), the safety
 * banner and signing out. Named {@code asClient} and so on, so that no page's own {@code client} or {@code therapist}
 * (a name, a page) can pass for them. The API checks every call itself; this only chooses links.
 */
@ControllerAdvice
class SignedInAdvice {

    @ModelAttribute("signedIn")
    Mono<Boolean> signedIn(ServerWebExchange exchange) {
        return exchange.getPrincipal().map(principal -> true).defaultIfEmpty(false);
    }

    @ModelAttribute("asClient")
    Mono<Boolean> client(ServerWebExchange exchange) {
        return exchange.getPrincipal().ofType(Authentication.class)
                .map(SignedInAdvice::isClient)
                .defaultIfEmpty(false);
    }

    @ModelAttribute("asTherapist")
    Mono<Boolean> therapist(ServerWebExchange exchange) {
        return exchange.getPrincipal().ofType(Authentication.class)
                .map(Roles::isTherapist)
                .defaultIfEmpty(false);
    }

    /** An operator's navigation leads to the console. */
    @ModelAttribute("asOperator")
    Mono<Boolean> operator(ServerWebExchange exchange) {
        return exchange.getPrincipal().ofType(Authentication.class)
                .map(Roles::isOperator)
                .defaultIfEmpty(false);
    }

    /**
     * The names of the page's query parameters, for notices such as {@code ?saved} after a redirect; read from the
     * request itself (Thymeleaf's {@code param.saved} was never null on a WebFlux page, so "Saved." showed on every
     * load).
     */
    @ModelAttribute("queryNames")
    java.util.Set<String> queryNames(ServerWebExchange exchange) {
        return exchange.getRequest().getQueryParams().keySet();
    }

    /** The page's own path, so the navigation can mark where the person is (aria-current). */
    @ModelAttribute("currentPath")
    String currentPath(ServerWebExchange exchange) {
        return exchange.getRequest().getPath().pathWithinApplication().value();
    }

    static boolean isClient(Authentication authentication) {
        return Roles.has(authentication, "ROLE_CLIENT");
    }
}
