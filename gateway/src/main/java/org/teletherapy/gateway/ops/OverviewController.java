package org.teletherapy.gateway.ops;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Served by the gateway itself, not routed: the platform's health and counts for operators. The path is outside every
 * route's predicates, so no service is asked for it.
 */
@RestController
class OverviewController {

    private final PlatformOverview overview;

    OverviewController(PlatformOverview overview) {
        this.overview = overview;
    }

    @GetMapping("/api/v1/ops/overview")
    @PreAuthorize("hasRole('OPERATOR')")
    Mono<Overview> overview(@AuthenticationPrincipal Jwt operator) {
        return overview.collect(operator.getTokenValue());
    }
}
