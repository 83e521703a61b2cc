package org.teletherapy.sessions.availability;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.HttpStatus;
import org.teletherapy.service.input.InputRules;
import org.teletherapy.service.openapi.ProblemTypes;
import org.teletherapy.service.problem.ProblemException;
import org.teletherapy.service.security.Caller;
import org.teletherapy.sessions.availability.AvailabilityProblems.InvalidAvailabilityException;
import org.teletherapy.sessions.availability.AvailabilityProblems.UnknownTimeZoneException;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** A therapist's own bookable week. */
@RestController
@RequestMapping("/api/v1/availability")
@PreAuthorize("hasRole('THERAPIST')")
class AvailabilityController {

    private final AvailabilityStore store;
    private final TransactionalOperator transaction;

    AvailabilityController(AvailabilityStore store, TransactionalOperator transaction) {
        this.store = store;
        this.transaction = transaction;
    }

    @ProblemTypes(notFound = "availability-not-set")
    @GetMapping
    Mono<AvailabilityBody> mine(@AuthenticationPrincipal Jwt jwt) {
        return store.find(Caller.from(jwt).id())
                .map(AvailabilityBody::of)
                .switchIfEmpty(Mono.error(() -> new AvailabilityNotSetException()));
    }

    @ProblemTypes(badRequest = "unknown-time-zone", unprocessable = {"window-end-before-start", "window-too-short",
            "overlapping-windows", "time-off-end-before-start"})
    @PutMapping
    Mono<AvailabilityBody> replace(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody AvailabilityBody body) {
        Availability availability = body.toAvailability(Caller.from(jwt));
        return transaction.transactional(store.replace(availability)).thenReturn(AvailabilityBody.of(availability));
    }

    record AvailabilityBody(@NotBlank String timeZone,
                            @NotNull @Min(15) @Max(240) Integer sessionMinutes,
                            @NotNull @Min(0) @Max(120) Integer bufferMinutes,
                            @NotNull @Size(max = 50) List<@Valid @NotNull WeeklyWindow> weekly,
                            @Size(max = 100) List<@Valid @NotNull TimeOff> timeOff) {

        static AvailabilityBody of(Availability availability) {
            return new AvailabilityBody(availability.timeZone().getId(), availability.sessionMinutes(),
                    availability.bufferMinutes(), availability.weekly(), availability.timeOff());
        }

        Availability toAvailability(Caller caller) {
            ZoneId zone = InputRules.timeZone(timeZone).orElseThrow(() -> new UnknownTimeZoneException(timeZone));
            for (int i = 0; i < weekly.size(); i++) {
                WeeklyWindow window = weekly.get(i);
                if (!window.end().isAfter(window.start())) {
                    throw new InvalidAvailabilityException("window-end-before-start",
                            "A " + window.day() + " window ends at or before it starts (" + window.start() + "–" + window.end() + ").",
                            "weekly[" + i + "].end", "must be after the start");
                }
                // Measured as a duration: start + length can pass midnight and wrap round to before the end.
                if (Duration.between(window.start(), window.end()).toMinutes() < sessionMinutes) {
                    throw new InvalidAvailabilityException("window-too-short",
                            "A " + window.day() + " window is shorter than one session.",
                            "weekly[" + i + "].end", "leaves no room for one session");
                }
            }
            for (int i = 0; i < weekly.size(); i++) {
                for (int j = i + 1; j < weekly.size(); j++) {
                    if (weekly.get(i).overlaps(weekly.get(j))) {
                        throw new InvalidAvailabilityException("overlapping-windows",
                                "Two " + weekly.get(i).day() + " windows overlap.",
                                "weekly[" + j + "].start", "overlaps another window of the day");
                    }
                }
            }
            List<TimeOff> off = timeOff == null ? List.of() : timeOff;
            for (int i = 0; i < off.size(); i++) {
                if (off.get(i).to().isBefore(off.get(i).from())) {
                    throw new InvalidAvailabilityException("time-off-end-before-start", "A time-off range ends before it starts.",
                            "timeOff[" + i + "].to", "must not be before the first day");
                }
            }
            return new Availability(caller.id(), zone, sessionMinutes, bufferMinutes, List.copyOf(weekly), List.copyOf(off));
        }
    }

    static final class AvailabilityNotSetException extends ProblemException {
        AvailabilityNotSetException() {
            super(HttpStatus.NOT_FOUND, "availability-not-set", "No availability yet",
                    "Set your weekly availability with PUT /api/v1/availability.");
        }
    }
}
