package org.teletherapy.notifications.delivery;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.teletherapy.service.security.Caller;
import reactor.core.publisher.Flux;

/** What was sent to the caller: kind, time, status and attempts, newest first; never an address or a text. */
@RestController
class DeliveryLogController {

    private final Deliveries deliveries;

    DeliveryLogController(Deliveries deliveries) {
        this.deliveries = deliveries;
    }

    @GetMapping("/api/v1/notification-preferences/deliveries")
    @PreAuthorize("hasAnyRole('CLIENT', 'THERAPIST')")
    Flux<Deliveries.LogEntry> mine(@AuthenticationPrincipal Jwt jwt) {
        return deliveries.logOf(Caller.from(jwt).id(), 100);
    }
}
