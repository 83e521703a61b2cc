package org.teletherapy.web.client;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ServerWebExchange;
import org.teletherapy.web.api.Api;
import org.teletherapy.web.availability.TherapistZone;
import org.teletherapy.web.caseload.OnCaseload;
import org.teletherapy.web.home.ApiViews.Session;
import org.teletherapy.web.home.Section;
import org.teletherapy.web.page.Roles;
import org.teletherapy.web.page.Viewers;
import org.teletherapy.web.scores.ScoreCharts;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.UUID;

/**
 * One client of the signed-in therapist. Someone not on their caseload has no page here (404), whatever the id: the
 * roster decides, as it does in every service.
 */
@Controller
class ClientController {

    private final Api api;
    private final Viewers viewers;
    private final TherapistZone zones;
    private final ScoreCharts charts;
    private final Clock clock;

    ClientController(Api api, Viewers viewers, TherapistZone zones, ScoreCharts charts, Clock clock) {
        this.api = api;
        this.viewers = viewers;
        this.zones = zones;
        this.charts = charts;
        this.clock = clock;
    }

    @GetMapping("/clients/{clientId}")
    Mono<String> client(Authentication signedIn, @PathVariable UUID clientId, ServerWebExchange exchange, Model model) {
        Roles.requireTherapist(signedIn);
        return Mono.zip(OnCaseload.client(api, clientId), zones.of(viewers.of(exchange)))
                .flatMap(found -> Mono.zip(Section.of(api.list("/api/v1/sessions", Session.class)),
                                Section.of(api.list("/api/v1/assignments?clientId={id}", ClientPage.Assignment.class,
                                        clientId)),
                                charts.of(clientId, found.getT2(), "client.scores.empty"),
                                Section.of(api.list("/api/v1/notes", ClientPage.Note.class)))
                        .map(parts -> ClientPage.of(clientId, found.getT1().name(), parts.getT1(), parts.getT2(),
                                parts.getT3(), parts.getT4(), found.getT2(), clock.instant())))
                .doOnNext(page -> model.addAttribute("clientPage", page))
                .thenReturn("client/client");
    }
}
