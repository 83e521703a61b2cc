package org.teletherapy.exercises.safety;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.teletherapy.service.problem.ProblemException;
import org.teletherapy.service.problem.FieldProblem;
import org.teletherapy.service.openapi.ProblemTypes;
import org.teletherapy.service.security.Caller;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Safety alerts of the therapist's clients, and their acknowledgement. */
@RestController
@RequestMapping("/api/v1/safety-alerts")
class SafetyAlertController {

    private final SafetyAlerts alerts;
    private final Clock clock;

    SafetyAlertController(SafetyAlerts alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    /** @param status {@code open} or {@code acknowledged}; both if left out */
    @ProblemTypes(badRequest = "invalid-status")
    @GetMapping
    @PreAuthorize("hasRole('THERAPIST')")
    Flux<SafetyAlertView> list(@AuthenticationPrincipal Jwt jwt, @RequestParam(required = false) @Nullable String status,
                               @RequestParam(required = false) @Nullable UUID clientId) {
        Boolean open = status == null ? null : switch (status) {
            case "open" -> true;
            case "acknowledged" -> false;
            default -> throw new InvalidAlertStatusException();
        };
        return alerts.forTherapist(Caller.from(jwt).id(), open, clientId);
    }

    @ProblemTypes(notFound = "safety-alert-not-found")
    @GetMapping("/{id}")
    @PreAuthorize("hasRole('THERAPIST')")
    Mono<SafetyAlertView> one(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return alerts.forTherapist(Caller.from(jwt).id(), id).switchIfEmpty(Mono.error(AlertNotFoundException::new));
    }

    /** Records who followed up and when; the first acknowledgement stands. */
    @ProblemTypes(notFound = "safety-alert-not-found")
    @PostMapping("/{id}/acknowledge")
    @PreAuthorize("hasRole('THERAPIST')")
    Mono<SafetyAlertView> acknowledge(@AuthenticationPrincipal Jwt jwt, @PathVariable UUID id) {
        return alerts.acknowledge(Caller.from(jwt).id(), id, clock.instant())
                .switchIfEmpty(Mono.error(AlertNotFoundException::new));
    }

    static final class AlertNotFoundException extends ProblemException {
        AlertNotFoundException() {
            super(HttpStatus.NOT_FOUND, "safety-alert-not-found", "Safety alert not found",
                    "There is no such alert about a client of yours.");
        }
    }

    static final class InvalidAlertStatusException extends ProblemException {
        InvalidAlertStatusException() {
            super(HttpStatus.BAD_REQUEST, "invalid-status", "Unknown status", "status must be open or acknowledged.",
                    List.of(new FieldProblem("status", "unknown", "open or acknowledged.")));
        }
    }
}
