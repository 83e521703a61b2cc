package org.teletherapy.exercises.assignment;

import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** What other features may ask of and do to assignments. */
@Service
public class Assignments {

    private final AssignmentStore store;
    private final Clock clock;

    Assignments(AssignmentStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The client's own assignment, if it is released to them; otherwise empty. */
    public Mono<AssignmentRef> visibleToClient(UUID id, UUID clientId) {
        return store.visibleToClient(id, clientId, clock.instant()).map(Assignment::ref);
    }

    /**
     * A client's assignments for their record: all that were released to them, or with {@code therapistId} set only
     * those that therapist gave while the client is on their roster.
     */
    public Flux<AssignmentRef> ofClient(UUID clientId, UUID therapistId) {
        Flux<Assignment> found = therapistId == null ? store.visibleToClient(clientId, clock.instant(), null)
                : store.assignedBy(therapistId, clientId, null);
        return found.map(Assignment::ref);
    }

    /** An assignment the therapist gave to a client still on their roster; otherwise empty. */
    public Mono<AssignmentRef> assignedBy(UUID id, UUID therapistId) {
        return store.assignedBy(id, therapistId).map(Assignment::ref);
    }

    /** Hands the assignment in (inside the caller's transaction); false if it was not open any more. */
    public Mono<Boolean> markSubmitted(UUID id, Instant at) {
        return store.markSubmitted(id, at);
    }

    /** See {@link AssignmentStore#markOverdue}: safe to run on several instances at once. */
    public Flux<OverdueAssignment> markOverdue(Instant now, int limit) {
        return store.markOverdue(now, limit);
    }

    public Mono<Void> withdrawAllOf(UUID clientId) {
        return store.withdrawAllOf(clientId);
    }

    /** How many assignments are in each state (states without any are left out): for the operators' figures. */
    public Mono<Map<String, Long>> countByStatus() {
        return store.countByStatus();
    }
}
