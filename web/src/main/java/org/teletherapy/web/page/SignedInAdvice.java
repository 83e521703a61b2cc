package org.teletherapy.web.page;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Whether the page is for a signed-in person: the layout then offers navigation and signing out. */
@ControllerAdvice
class SignedInAdvice {

    @ModelAttribute("signedIn")
    Mono<Boolean> signedIn(ServerWebExchange exchange) {
        return exchange.getPrincipal().map(principal -> true).defaultIfEmpty(false);
    }
}
