package org.teletherapy.sessions.booking;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.teletherapy.service.openapi.ProblemTypes;
import org.teletherapy.service.security.Caller;
import org.teletherapy.sessions.video.Participant;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@RestController
class SeriesController {

    private final SeriesService series;
    private final SessionViews views;

    SeriesController(SeriesService series, SessionViews views) {
        this.series = series;
        this.views = views;
    }

    /** A recurring series for the calling client: {@code frequency} is WEEKLY or EVERY_OTHER_WEEK, up to 26 occurrences. */
    @ProblemTypes(forbidden = "not-on-roster", conflict = "series-conflict", unprocessable = {"series-length",
            "start-in-past", "too-short-notice", "no-availability", "off-grid", "beyond-booking-horizon"})
    @PostMapping("/api/v1/sessions/series")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('CLIENT')")
    Mono<SeriesView> book(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody SeriesRequest request) {
        return series.book(Caller.from(jwt), request.therapistId(), request.start(), request.frequency(), request.occurrences())
                .map(sessions -> new SeriesView(sessions.get(0).seriesId(),
                        sessions.stream().map(session -> views.of(session, Participant.from(jwt))).toList()));
    }

    record SeriesRequest(@NotNull UUID therapistId, @NotNull Instant start, @NotNull SeriesService.Frequency frequency,
                         int occurrences) {
    }

    record SeriesView(UUID seriesId, List<SessionView> sessions) {
    }
}
