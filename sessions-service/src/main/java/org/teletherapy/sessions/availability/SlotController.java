package org.teletherapy.sessions.availability;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.http.HttpStatus;
import org.teletherapy.service.openapi.ProblemTypes;
import org.teletherapy.service.problem.ProblemException;
import org.teletherapy.service.security.Caller;
import org.teletherapy.sessions.availability.AvailabilityProblems.InvalidRangeException;
import org.teletherapy.sessions.roster.RosterStore;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Free slots of a therapist, for their own clients and for themselves. */
@RestController
class SlotController {

    private final AvailabilityStore availability;
    private final BusyTimes sessions;
    private final RosterStore roster;
    private final SlotRules rules;
    private final Clock clock;
    private final Timer queryTimer;

    SlotController(AvailabilityStore availability, BusyTimes sessions, RosterStore roster, SlotRules rules,
                   Clock clock, MeterRegistry meters) {
        this.availability = availability;
        this.sessions = sessions;
        this.roster = roster;
        this.rules = rules;
        this.clock = clock;
        this.queryTimer = Timer.builder("teletherapy.slots.query").description("Computing a therapist's free slots")
                .publishPercentileHistogram().register(meters);
    }

    @ProblemTypes(badRequest = "invalid-range", notFound = "therapist-not-found")
    @GetMapping("/api/v1/therapists/{therapistId}/slots")
    @PreAuthorize("hasAnyRole('CLIENT', 'THERAPIST')")
    Mono<List<Slot>> slots(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID therapistId,
                           @RequestParam Instant from, @RequestParam Instant to) {
        if (!to.isAfter(from)) {
            throw new InvalidRangeException("'to' must be after 'from'.");
        }
        if (Duration.between(from, to).compareTo(rules.maxSlotRange()) > 0) {
            throw new InvalidRangeException("Ask for at most " + rules.maxSlotRange().toDays() + " days at a time.");
        }
        Caller caller = Caller.from(jwt);
        Mono<Boolean> allowed = caller.id().equals(therapistId) ? Mono.just(true) : roster.isLinked(therapistId, caller.id());
        return allowed
                .filter(Boolean::booleanValue)
                .switchIfEmpty(Mono.error(() -> new TherapistNotFoundException()))
                .flatMap(ok -> availability.find(therapistId))
                .zipWith(sessions.busy(therapistId, from.minus(Duration.ofDays(1)), to.plus(Duration.ofDays(1))).collectList(),
                        (found, busy) -> {
                            long started = System.nanoTime();
                            // Nothing beyond the booking horizon is offered, since it could not be booked.
                            Instant horizon = clock.instant().plus(rules.bookingHorizon());
                            List<Slot> free = !from.isBefore(horizon) ? List.of()
                                    : SlotCalculator.freeSlots(found, busy, from, to.isAfter(horizon) ? horizon : to,
                                    clock.instant().plus(rules.minimumNotice()));
                            queryTimer.record(Duration.ofNanos(System.nanoTime() - started));
                            return free;
                        })
                .defaultIfEmpty(List.of());
    }

    /** Unknown, or not on the caller's care team: the same answer, so that nobody learns who else is a therapist. */
    static final class TherapistNotFoundException extends ProblemException {
        TherapistNotFoundException() {
            super(HttpStatus.NOT_FOUND, "therapist-not-found", "Therapist not found",
                    "There is no such therapist on your care team.");
        }
    }
}
