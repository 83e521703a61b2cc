package org.teletherapy.service.web;

import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every request carries an {@code X-Request-Id}: the caller's (the gateway's), or a new one. It is echoed in the
 * response so a person reporting a problem can quote it, and written on every log line of the request.
 */
public final class RequestIdWebFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";
    /** Ids arrive from outside: accept only short plain tokens, so nothing odd reaches logs. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = requestId(exchange.getRequest());
        ServerHttpRequest request = exchange.getRequest().mutate().headers(headers -> headers.set(HEADER, id)).build();
        // Set just before the response is sent, replacing any copy a proxied service sent back.
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(HEADER, id);
            return Mono.empty();
        });
        return chain.filter(exchange.mutate().request(request).build())
                .contextWrite(Context.of(RequestIdLogField.CONTEXT_KEY, id));
    }

    public static String requestId(ServerHttpRequest request) {
        String given = request.getHeaders().getFirst(HEADER);
        return given != null && ACCEPTABLE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
