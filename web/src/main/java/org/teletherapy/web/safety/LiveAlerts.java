package org.teletherapy.web.safety;

import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import java.util.UUID;

/**
 * Tells the open pages of this web instance that a therapist's safety alerts changed. It carries nothing but whose
 * alerts: each page then asks the API for them with its own token, so exercises-service decides what it may see.
 */
@Component
class LiveAlerts {

    /** Stands for every therapist: an acknowledgement changes the banner of all the client's therapists. */
    private static final UUID EVERYONE = new UUID(0, 0);

    // A page that is slow to read its stream misses a signal rather than holding up the others; it reloads the
    // banner when it reconnects anyway.
    private final Sinks.Many<UUID> changes = Sinks.many().multicast().directBestEffort();

    void raisedFor(UUID therapistId) {
        changes.tryEmitNext(therapistId);
    }

    void changedForEveryone() {
        changes.tryEmitNext(EVERYONE);
    }

    Flux<UUID> changesFor(UUID therapistId) {
        return changes.asFlux().filter(changed -> changed.equals(therapistId) || changed.equals(EVERYONE));
    }
}
