package org.teletherapy.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.teletherapy.service.problem.ProblemResponses;
import org.teletherapy.service.problem.Problems;
import reactor.core.publisher.Mono;

import java.net.InetSocketAddress;
import java.security.Principal;

/**
 * Limits each caller to a steady rate with some room for bursts, so one runaway client (or a stolen token in a loop)
 * cannot starve everyone else's sessions. Signed-in callers are counted by their account, others by their address.
 * Runs after the token check, so it never counts a request that was refused anyway.
 * <p>
 * The limit holds per gateway instance: with n instances behind a load balancer a caller gets up to n times as much.
 */
final class RateLimitWebFilter implements WebFilter, Ordered {

    /** After Spring Security's filter chain (order -100), before routing. */
    static final int ORDER = 0;

    private final TokenBuckets buckets;
    private final Counter refused;
    private final String policy;

    RateLimitWebFilter(RateLimitProperties properties, MeterRegistry meters) {
        this.buckets = new TokenBuckets(properties.requestsPerSecond(), properties.burst(), System::nanoTime);
        // A count only: which caller was refused is nobody's business in monitoring.
        this.refused = Counter.builder("teletherapy.gateway.rate.limited")
                .description("Requests refused because their caller exceeded the rate limit").register(meters);
        this.policy = properties.burst() + ";w=" + Math.max(1, Math.round(properties.burst() / properties.requestsPerSecond()));
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (isProbe(exchange.getRequest().getPath().value())) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .map(Principal::getName)
                .map(name -> "user:" + name)
                .defaultIfEmpty("address:" + address(exchange.getRequest()))
                .flatMap(caller -> {
                    TokenBuckets.Decision decision = buckets.take(caller);
                    exchange.getResponse().getHeaders().set("RateLimit-Policy", policy);
                    if (decision.allowed()) {
                        exchange.getResponse().getHeaders().set("RateLimit-Remaining", String.valueOf(decision.remaining()));
                        return chain.filter(exchange);
                    }
                    refused.increment();
                    exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(decision.retryAfterSeconds()));
                    exchange.getResponse().getHeaders().set("RateLimit-Remaining", "0");
                    ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                            "Slow down: try again in " + decision.retryAfterSeconds() + " s.");
                    return ProblemResponses.write(exchange, problem);
                });
    }

    private static String address(ServerHttpRequest request) {
        InetSocketAddress remote = request.getRemoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    /** Probes on the public port, and the management port's endpoints, are never limited. */
    private static boolean isProbe(String path) {
        return path.equals("/livez") || path.equals("/readyz") || path.startsWith("/actuator/");
    }
}
