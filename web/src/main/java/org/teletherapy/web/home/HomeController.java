package org.teletherapy.web.home;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;
import org.teletherapy.web.api.Api;
import org.teletherapy.web.home.ApiViews.Assignment;
import org.teletherapy.web.home.ApiViews.CareTeamMember;
import org.teletherapy.web.home.ApiViews.Session;
import org.teletherapy.web.page.Viewer;
import org.teletherapy.web.page.Viewers;
import reactor.core.publisher.Mono;

import java.time.Clock;

/**
 * The first page after signing in: for a client, their next session, what is coming and what is due; a therapist's
 * day starts with their week.
 */
@Controller
class HomeController {

    private final Api api;
    private final Viewers viewers;
    private final Clock clock;

    HomeController(Api api, Viewers viewers, Clock clock) {
        this.api = api;
        this.viewers = viewers;
        this.clock = clock;
    }

    @GetMapping("/")
    Mono<String> home(@AuthenticationPrincipal OidcUser user, ServerWebExchange exchange, Model model) {
        model.addAttribute("name", user.getGivenName() != null ? user.getGivenName() : user.getPreferredUsername());
        if (hasRole(user, "ROLE_OPERATOR")) {
            return Mono.just("redirect:/console");
        }
        if (hasRole(user, "ROLE_THERAPIST")) {
            return Mono.just("redirect:/week");
        }
        if (!hasRole(user, "ROLE_CLIENT")) {
            return Mono.just("home/staff");
        }
        Viewer viewer = viewers.of(exchange);
        return Mono.zip(Section.of(api.list("/api/v1/sessions", Session.class)),
                        Section.of(api.list("/api/v1/care-team", CareTeamMember.class)),
                        Section.of(api.list("/api/v1/assignments", Assignment.class)))
                .map(parts -> ClientHome.of(parts.getT1(), parts.getT2(), parts.getT3(), viewer, clock.instant()))
                .doOnNext(home -> model.addAttribute("home", home))
                .thenReturn("home/client");
    }

    private static boolean hasRole(OidcUser user, String role) {
        return user.getAuthorities().stream().anyMatch(authority -> role.equals(authority.getAuthority()));
    }
}
