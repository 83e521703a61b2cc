package org.teletherapy.service.security;

import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Told of every request the security filter chain refuses with 403, before the answer goes out, e.g. to audit
 * refused attempts on clinical records. The handler the request was mapped to, when there is one, is in the
 * exchange's {@code HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE}; its URI variables are there too.
 * A failing listener never changes the 403.
 */
public interface AccessRefusalListener {

    Mono<Void> refused(ServerWebExchange exchange);
}
