package org.teletherapy.web.session;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import org.teletherapy.web.api.Api;
import org.teletherapy.web.api.ApiProblem;
import org.teletherapy.web.home.ApiViews.CareTeamMember;
import org.teletherapy.web.home.ApiViews.Session;
import org.teletherapy.web.page.Viewer;
import org.teletherapy.web.page.Viewers;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One of the client's sessions: when and with whom, and, while it is booked, moving or cancelling it. Whether a
 * cancellation now counts as late, and how often the session can still be moved, is what the API says of it.
 */
@Controller
class SessionPageController {

    /** The reasons a client can give; the API also knows reasons that only therapists or the platform give. */
    static final List<String> CLIENT_REASONS = List.of("schedule-conflict", "illness", "emergency",
            "technical-problem", "other");

    private final Api api;
    private final Viewers viewers;
    private final Clock clock;

    SessionPageController(Api api, Viewers viewers, Clock clock) {
        this.api = api;
        this.viewers = viewers;
        this.clock = clock;
    }

    @GetMapping("/sessions/{id}")
    Mono<String> session(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        return render(id, viewers.of(exchange), model);
    }

    @PostMapping("/sessions/{id}/cancel")
    Mono<String> cancel(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        Viewer viewer = viewers.of(exchange);
        return exchange.getFormData().flatMap(form -> {
            String reason = form.getFirst("reason");
            if (reason == null || !CLIENT_REASONS.contains(reason)) {
                model.addAttribute("reasonMissing", true);
                return render(id, viewer, model);
            }
            Map<String, String> request = "this-and-following".equals(form.getFirst("scope"))
                    ? Map.of("reason", reason, "scope", "this-and-following")
                    : Map.of("reason", reason);
            return api.post("/api/v1/sessions/{id}/cancel", request, Session[].class, id)
                    .thenReturn("redirect:/sessions/" + id)
                    .onErrorResume(ApiProblem.class, problem -> {
                        model.addAttribute("problem", problem.kind());
                        model.addAttribute("problemDetail", problem.detail());
                        return render(id, viewer, model);
                    });
        });
    }

    // "appointment", not "session": Thymeleaf reserves ${session} for the web session.
    private Mono<String> render(UUID id, Viewer viewer, Model model) {
        return Mono.zip(api.get("/api/v1/sessions/{id}", Session.class, id),
                        api.list("/api/v1/care-team", CareTeamMember.class))
                .map(found -> {
                    Session session = found.getT1();
                    model.addAttribute("appointment", SessionPage.of(session, found.getT2(), viewer, clock.instant()));
                    model.addAttribute("reasons", CLIENT_REASONS);
                    return "session/session";
                });
    }
}
