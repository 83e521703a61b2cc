package org.teletherapy.web.safety;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import org.teletherapy.web.api.Api;
import org.teletherapy.web.home.Section;
import org.teletherapy.web.page.Roles;
import org.teletherapy.web.page.Viewers;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The safety banner on every page of a therapist: the open alerts about their clients, updated while the page is
 * open (server-sent events tell the page to fetch it again), and acknowledged from the banner itself.
 */
@Controller
class SafetyAlertsController {

    static final String ALERTS = "/api/v1/safety-alerts";
    /** For a therapist, their clients with their names. */
    static final String CARE_TEAM = "/api/v1/care-team";
    /** Below the gateway's and proxies' idle timeouts, so an open page keeps its stream. */
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    private final Api api;
    private final Viewers viewers;
    private final LiveAlerts live;

    SafetyAlertsController(Api api, Viewers viewers, LiveAlerts live) {
        this.api = api;
        this.viewers = viewers;
        this.live = live;
    }

    /** A stream for therapists; anyone else gets a bare 403 (an error page is no event stream). */
    @GetMapping(path = "/live/safety-alerts", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    ResponseEntity<Flux<ServerSentEvent<String>>> stream(Authentication signedIn) {
        if (!Roles.isTherapist(signedIn)) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        UUID therapist = Roles.requireTherapist(signedIn);
        ServerSentEvent<String> opened = ServerSentEvent.<String>builder().comment("open")
                .retry(Duration.ofSeconds(3)).build();
        Flux<ServerSentEvent<String>> changes = live.changesFor(therapist)
                .map(changed -> ServerSentEvent.<String>builder().event("safety-alerts").data("changed").build());
        Flux<ServerSentEvent<String>> keepAlive = Flux.interval(KEEP_ALIVE)
                .map(tick -> ServerSentEvent.<String>builder().comment("keep-alive").build());
        return ResponseEntity.ok(Flux.merge(Flux.just(opened), changes, keepAlive));
    }

    /** The banner's content, fetched by the page when it loads and whenever the stream says the alerts changed. */
    @GetMapping("/safety-alerts/banner")
    Mono<String> banner(Authentication signedIn, ServerWebExchange exchange, Model model) {
        Roles.requireTherapist(signedIn);
        return Section.of(api.list(ALERTS + "?status=open", Alert.class))
                .flatMap(open -> namesFor(open).map(names -> SafetyBanner.of(open, names, viewers.of(exchange))))
                .doOnNext(banner -> model.addAttribute("banner", banner))
                .thenReturn("safety/banner :: banner");
    }

    /** The names of the therapist's clients, asked for only when there is an alert to name (none if unreachable). */
    private Mono<Map<UUID, String>> namesFor(Section<Alert> alerts) {
        if (alerts.items().isEmpty()) {
            return Mono.just(Map.of());
        }
        return Section.of(api.list(CARE_TEAM, Member.class))
                .map(members -> members.items().stream().filter(member -> member.clientId() != null)
                        .collect(Collectors.toMap(Member::clientId, Member::name, (first, second) -> first)));
    }

    /** Every alert about the therapist's clients: open ones first, then who acknowledged which, and when. */
    @GetMapping("/safety-alerts")
    Mono<String> page(Authentication signedIn, ServerWebExchange exchange, Model model) {
        UUID therapist = Roles.requireTherapist(signedIn);
        return Section.of(api.list(ALERTS, Alert.class))
                .map(alerts -> SafetyAlertList.of(alerts, therapist, viewers.of(exchange)))
                .doOnNext(list -> model.addAttribute("alerts", list))
                .thenReturn("safety/alerts");
    }

    @PostMapping("/safety-alerts/{id}/acknowledge")
    Mono<String> acknowledge(Authentication signedIn, @PathVariable UUID id, ServerWebExchange exchange,
                             Model model) {
        Roles.requireTherapist(signedIn);
        Mono<Void> acknowledged = api.post(ALERTS + "/{id}/acknowledge", Map.of(), Alert.class, id).then();
        if (exchange.getRequest().getHeaders().containsHeader("HX-Request")) {
            // The banner again, without the acknowledged alert (or with it, and why, if the API refused).
            return acknowledged.then(banner(signedIn, exchange, model))
                    .onErrorResume(Section::isOutage, outage -> {
                        model.addAttribute("notAcknowledged", true);
                        return banner(signedIn, exchange, model);
                    });
        }
        return acknowledged.thenReturn("redirect:/safety-alerts?acknowledged");
    }

    record Member(UUID clientId, String name) {
    }

    /** An alert as exercises-service shows it to the therapist. */
    record Alert(UUID id, UUID responseId, UUID assignmentId, UUID clientId, String instrument, String status,
                 java.time.Instant raisedAt, java.time.Instant acknowledgedAt, UUID acknowledgedBy) {
    }
}
