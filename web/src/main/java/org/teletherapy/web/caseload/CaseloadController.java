package org.teletherapy.web.caseload;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.teletherapy.web.api.Api;
import org.teletherapy.web.api.ApiProblem;
import org.teletherapy.web.availability.TherapistZone;
import org.teletherapy.web.home.ApiViews.CareTeamMember;
import org.teletherapy.web.home.ApiViews.Session;
import org.teletherapy.web.home.Section;
import org.teletherapy.web.page.Roles;
import org.teletherapy.web.page.Viewer;
import org.teletherapy.web.page.Viewers;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * "My clients": the caseload with what needs attention first, inviting a client, and removing one after a
 * confirmation that says what that does (their future sessions are cancelled).
 */
@Controller
class CaseloadController {

    /** Score histories asked for at once: one call per client, a caseload being a few dozen people. */
    private static final int HISTORIES_AT_ONCE = 6;

    private final Api api;
    private final Viewers viewers;
    private final TherapistZone zones;
    private final MessageSource messages;
    private final Clock clock;

    CaseloadController(Api api, Viewers viewers, TherapistZone zones, MessageSource messages, Clock clock) {
        this.api = api;
        this.viewers = viewers;
        this.zones = zones;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/clients")
    Mono<String> clients(Authentication signedIn, @RequestParam(required = false) UUID invited,
                         ServerWebExchange exchange, Model model) {
        Roles.requireTherapist(signedIn);
        // "?removed" has no value, which a request parameter would read as absent.
        model.addAttribute("removed", exchange.getRequest().getQueryParams().containsKey("removed"));
        return render(Invitation.empty(), invited, viewers.of(exchange), model);
    }

    @PostMapping("/clients/invitations")
    Mono<String> invite(Authentication signedIn, ServerWebExchange exchange, Model model) {
        Roles.requireTherapist(signedIn);
        Viewer viewer = viewers.of(exchange);
        BiFunction<String, Object[], String> words = (key, arguments) ->
                messages.getMessage(key, arguments, null, viewer.locale());
        return exchange.getFormData().map(Invitation::typed).flatMap(typed ->
                api.post("/api/v1/roster/invitations", typed.body(), Invited.class)
                        .map(invited -> "redirect:/clients?invited=" + invited.clientId())
                        .onErrorResume(Section::isOutage, outage -> render(typed.unavailable(words), null, viewer, model))
                        .onErrorResume(Section::isRefusal, problem -> render(typed.refused((ApiProblem) problem, words),
                                null, viewer, model)));
    }

    record Invited(UUID clientId, String name) {
    }

    /** The confirmation: whom, and that their future sessions will be cancelled (how many there are now). */
    @GetMapping("/clients/{clientId}/remove")
    Mono<String> confirmRemoval(Authentication signedIn, @PathVariable UUID clientId, ServerWebExchange exchange,
                                Model model) {
        Roles.requireTherapist(signedIn);
        Viewer viewer = viewers.of(exchange);
        Instant now = clock.instant();
        return Mono.zip(OnCaseload.client(api, clientId), zones.of(viewer), Section.of(api.list("/api/v1/sessions", Session.class)))
                .map(found -> {
                    List<String> future = found.getT3().items().stream()
                            .filter(session -> clientId.equals(session.clientId()) && "booked".equals(session.status())
                                    && session.start().isAfter(now))
                            .sorted(Comparator.comparing(Session::start))
                            .map(session -> found.getT2().dateTime(session.start())).toList();
                    model.addAttribute("removing", found.getT1());
                    model.addAttribute("future", future);
                    model.addAttribute("sessionsUnavailable", found.getT3().unavailable());
                    return "caseload/remove";
                });
    }

    @PostMapping("/clients/{clientId}/remove")
    Mono<String> remove(Authentication signedIn, @PathVariable UUID clientId) {
        Roles.requireTherapist(signedIn);
        return api.delete("/api/v1/roster/clients/{id}", clientId).thenReturn("redirect:/clients?removed");
    }

    private Mono<String> render(Invitation invitation, UUID invited, Viewer viewer, Model model) {
        Instant now = clock.instant();
        Mono<Section<CareTeamMember>> careTeam = Section.of(api.list("/api/v1/care-team", CareTeamMember.class)).cache();
        Mono<List<Caseload.History>> histories = careTeam.flatMapMany(team -> Flux.fromIterable(team.items()))
                .filter(member -> member.clientId() != null)
                .flatMap(member -> Section.of(api.list("/api/v1/measures?clientId={id}", Caseload.Measure.class,
                        member.clientId())).map(history -> new Caseload.History(member.clientId(), history)),
                        HISTORIES_AT_ONCE)
                .collectList();
        return Mono.zip(careTeam, Section.of(api.list("/api/v1/sessions", Session.class)),
                        Section.of(api.list("/api/v1/assignments", Caseload.Assignment.class)),
                        Section.of(api.list("/api/v1/safety-alerts?status=open", Caseload.SafetyAlert.class)),
                        histories, zones.of(viewer))
                .map(found -> {
                    Caseload caseload = Caseload.of(found.getT1(), found.getT2(), found.getT3(), found.getT4(),
                            found.getT5(), found.getT6(), now);
                    model.addAttribute("caseload", caseload);
                    model.addAttribute("invitation", invitation);
                    model.addAttribute("invitedName", invited == null ? null : found.getT1().items().stream()
                            .filter(member -> invited.equals(member.clientId())).map(CareTeamMember::name)
                            .findFirst().orElse(null));
                    return "caseload/clients";
                });
    }
}
