package org.teletherapy.sessions.calendar;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import org.teletherapy.service.openapi.ProblemTypes;
import org.teletherapy.service.problem.ProblemException;
import org.teletherapy.service.security.Caller;
import org.teletherapy.service.security.Role;
import org.teletherapy.sessions.booking.SessionStore;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.UUID;

/** The caller's sessions for calendar apps: a download with a token, or a private feed URL without one. */
@RestController
class CalendarController {

    private static final MediaType CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

    private final SessionStore sessions;
    private final CalendarFeeds feeds;

    CalendarController(SessionStore sessions, CalendarFeeds feeds) {
        this.sessions = sessions;
        this.feeds = feeds;
    }

    @ApiResponse(responseCode = "200", description = "RFC 5545 calendar",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string")))
    /** All the caller's sessions, or with {@code session} only that one of theirs (for "add to calendar"). */
    @GetMapping("/api/v1/calendar.ics")
    @PreAuthorize("hasAnyRole('CLIENT', 'THERAPIST')")
    Mono<ResponseEntity<String>> download(@AuthenticationPrincipal Jwt jwt,
                                          @RequestParam(name = "session", required = false) UUID sessionId) {
        Caller caller = Caller.from(jwt);
        return calendarOf(caller.id(), caller.is(Role.THERAPIST) ? "therapist" : "client", sessionId);
    }

    record Feed(String url) {
    }

    /** Whether the caller has a feed, and since when; the address itself is shown only when it is issued. */
    record FeedStatus(boolean active, Instant since) {
    }

    @GetMapping("/api/v1/calendar/feed")
    @PreAuthorize("hasAnyRole('CLIENT', 'THERAPIST')")
    Mono<FeedStatus> feedStatus(@AuthenticationPrincipal Jwt jwt) {
        return feeds.issuedAt(Caller.from(jwt).id())
                .map(since -> new FeedStatus(true, since))
                .defaultIfEmpty(new FeedStatus(false, null));
    }

    /** Issues a private feed URL (any earlier one stops working). */
    @PostMapping("/api/v1/calendar/feed")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAnyRole('CLIENT', 'THERAPIST')")
    Mono<Feed> issueFeed(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
        Caller caller = Caller.from(jwt);
        return feeds.issue(caller.id(), caller.is(Role.THERAPIST) ? "therapist" : "client")
                .map(token -> new Feed("/api/v1/calendar/feeds/" + token + ".ics"));
    }

    @DeleteMapping("/api/v1/calendar/feed")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize("hasAnyRole('CLIENT', 'THERAPIST')")
    Mono<Void> revokeFeed(@AuthenticationPrincipal Jwt jwt) {
        return feeds.revoke(Caller.from(jwt).id());
    }

    /** No bearer token here: calendar apps cannot send one. The token in the path is the credential. */
    @ApiResponse(responseCode = "200", description = "RFC 5545 calendar",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = "string")))
    @ProblemTypes(notFound = "feed-not-found")
    @GetMapping("/api/v1/calendar/feeds/{token}.ics")
    Mono<ResponseEntity<String>> feed(@PathVariable String token) {
        return feeds.owner(token)
                .switchIfEmpty(Mono.error(() -> new FeedNotFoundException()))
                .flatMap(owner -> calendarOf(owner.personId(), owner.role(), null));
    }

    private Mono<ResponseEntity<String>> calendarOf(UUID personId, String role, @Nullable UUID onlySession) {
        return sessions.calendarOf(personId, "therapist".equals(role))
                .filter(entry -> onlySession == null || onlySession.equals(entry.sessionId()))
                .collectList()
                .map(entries -> ResponseEntity.ok().contentType(CALENDAR)
                        .header("Cache-Control", "private, no-store")
                        .body(CalendarWriter.write(entries)));
    }

    static final class FeedNotFoundException extends ProblemException {
        FeedNotFoundException() {
            super(HttpStatus.NOT_FOUND, "feed-not-found", "Calendar feed not found",
                    "This calendar link does not exist or was revoked.");
        }
    }
}
