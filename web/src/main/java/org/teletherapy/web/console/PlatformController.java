package org.teletherapy.web.console;

import tools.jackson.databind.JsonNode;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;
import org.teletherapy.web.api.Api;
import org.teletherapy.web.page.Roles;
import org.teletherapy.web.home.Section;
import org.teletherapy.web.page.Viewers;
import reactor.core.publisher.Mono;

/**
 * The operator's first page: every component's state and the platform's counts from the gateway's overview, and the
 * way to the monitoring tools. The part with the figures reloads itself every 15 seconds.
 */
@Controller
class PlatformController {

    static final String OVERVIEW = "/api/v1/ops/overview";

    private final Api api;
    private final Viewers viewers;
    private final ConsoleProperties tools;

    PlatformController(Api api, Viewers viewers, ConsoleProperties tools) {
        this.api = api;
        this.viewers = viewers;
        this.tools = tools;
    }

    @GetMapping("/console")
    Mono<String> page(Authentication signedIn, ServerWebExchange exchange, Model model) {
        Roles.requireOperator(signedIn);
        model.addAttribute("tools", tools);
        return status(exchange, model).thenReturn("console/platform");
    }

    @GetMapping("/console/status")
    Mono<String> statusOnly(Authentication signedIn, ServerWebExchange exchange, Model model) {
        Roles.requireOperator(signedIn);
        return status(exchange, model).thenReturn("console/platform :: status");
    }

    private Mono<Void> status(ServerWebExchange exchange, Model model) {
        return api.get(OVERVIEW, JsonNode.class)
                .map(overview -> PlatformStatus.of(overview, viewers.of(exchange)))
                .onErrorResume(Section::isOutage, outage -> Mono.just(PlatformStatus.notAnswering()))
                .doOnNext(status -> model.addAttribute("status", status))
                .then();
    }
}
