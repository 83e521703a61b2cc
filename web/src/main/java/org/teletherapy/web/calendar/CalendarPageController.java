package org.teletherapy.web.calendar;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.UriComponentsBuilder;
import org.teletherapy.web.api.Api;
import org.teletherapy.web.api.ApiProblem;
import org.teletherapy.web.page.Viewers;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The client's sessions in their own calendar app: a one-off download, or a private feed address that keeps the app
 * up to date. The API keeps only a hash of the address, so it is shown once, right after it is created.
 */
@Controller
class CalendarPageController {

    private static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private final Api api;
    private final Viewers viewers;

    CalendarPageController(Api api, Viewers viewers) {
        this.api = api;
        this.viewers = viewers;
    }

    record FeedStatus(boolean active, Instant since) {
    }

    record Feed(String url) {
    }

    @GetMapping("/calendar")
    Mono<String> page(ServerWebExchange exchange, Model model) {
        return status(exchange, model).thenReturn("calendar/calendar");
    }

    @PostMapping("/calendar/feed")
    Mono<String> create(ServerWebExchange exchange, Model model) {
        return api.post("/api/v1/calendar/feed", Map.of(), Feed.class)
                .doOnNext(feed -> model.addAttribute("address", addressOf(feed, exchange)))
                .then(status(exchange, model))
                .onErrorResume(ApiProblem.class, problem -> failed(exchange, model))
                .thenReturn("calendar/calendar");
    }

    @PostMapping("/calendar/feed/revoke")
    Mono<String> revoke(ServerWebExchange exchange, Model model) {
        return api.delete("/api/v1/calendar/feed")
                .then(Mono.fromRunnable(() -> model.addAttribute("revoked", true)))
                .then(status(exchange, model))
                .onErrorResume(ApiProblem.class, problem -> failed(exchange, model))
                .thenReturn("calendar/calendar");
    }

    @GetMapping("/calendar.ics")
    Mono<ResponseEntity<String>> everything() {
        return api.text("/api/v1/calendar.ics", CALENDAR).map(ics -> download(ics, "my-sessions.ics"));
    }

    @GetMapping("/sessions/{id}/calendar.ics")
    Mono<ResponseEntity<String>> one(@PathVariable UUID id) {
        return api.text("/api/v1/calendar.ics?session={id}", CALENDAR, id).map(ics -> download(ics, "session.ics"));
    }

    private Mono<Void> status(ServerWebExchange exchange, Model model) {
        return api.get("/api/v1/calendar/feed", FeedStatus.class)
                .doOnNext(status -> {
                    model.addAttribute("active", status.active());
                    model.addAttribute("since", status.since() == null ? null
                            : viewers.of(exchange).dateTime(status.since()));
                })
                .then();
    }

    private Mono<Void> failed(ServerWebExchange exchange, Model model) {
        model.addAttribute("failed", true);
        model.asMap().remove("address");
        return status(exchange, model).onErrorResume(ApiProblem.class, again -> Mono.empty());
    }

    /** The address as the calendar app must call it: on the origin the browser uses, which routes to the API. */
    private static String addressOf(Feed feed, ServerWebExchange exchange) {
        return UriComponentsBuilder.fromUri(exchange.getRequest().getURI()).replacePath(feed.url()).replaceQuery(null)
                .fragment(null).build().toUriString();
    }

    private static ResponseEntity<String> download(String ics, String filename) {
        return ResponseEntity.ok().contentType(CALENDAR)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(filename).build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(ics);
    }
}
