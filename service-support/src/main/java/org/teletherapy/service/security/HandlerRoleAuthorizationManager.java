package org.teletherapy.service.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authorization.AuthenticatedReactiveAuthorizationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.authorization.method.PreAuthorizeReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.util.SimpleMethodInvocation;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Applies the {@code @PreAuthorize} rule of the handler a request is mapped to inside the security filter chain,
 * before the request body is read or validated. Method security alone runs after argument binding, so a caller
 * without the role got 400 for an invalid body and 403 only for a valid one, which told a stranger what the
 * operation accepts. Method security stays on as the second check; ownership is still checked by each service.
 */
final class HandlerRoleAuthorizationManager implements ReactiveAuthorizationManager<AuthorizationContext> {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private final ReactiveAuthorizationManager<AuthorizationContext> authenticated =
            AuthenticatedReactiveAuthorizationManager.authenticated();
    private final PreAuthorizeReactiveAuthorizationManager preAuthorize = new PreAuthorizeReactiveAuthorizationManager();

    HandlerRoleAuthorizationManager(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        return authenticated.authorize(authentication, context)
                .flatMap(result -> result.isGranted()
                        ? handlerRule(authentication, context.getExchange()).defaultIfEmpty(result)
                        : Mono.just(result))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    /** The handler's own decision, or empty when no handler matches or it declares no rule. */
    private Mono<AuthorizationResult> handlerRule(Mono<Authentication> authentication, ServerWebExchange exchange) {
        return handlerOf(exchange)
                .flatMap(handler -> preAuthorize.authorize(authentication,
                        new SimpleMethodInvocation(handler.getBean(), handler.getMethod())));
    }

    private Mono<HandlerMethod> handlerOf(ServerWebExchange exchange) {
        return Flux.fromStream(mappings.orderedStream())
                // A request that matches no mapping, or only with another method or media type, is left to the
                // dispatcher, which answers it with its own 404/405/415 problem.
                .concatMap(mapping -> mapping.getHandler(exchange).onErrorResume(error -> Mono.empty()))
                .ofType(HandlerMethod.class)
                .next();
    }
}
