package org.teletherapy.notes.caseload;

import java.time.Instant;
import java.util.UUID;

/**
 * A session as learned from sessions-service's events.
 *
 * @param therapistUnlinked the session's therapist was unlinked from the client's roster since (their access ended).
 *                          A pair the roster events never mentioned is not unlinked: the session's therapist is
 *                          authority enough until a roster event says otherwise.
 */
public record CaseloadSession(UUID id, UUID clientId, UUID therapistId, Instant startsAt, Instant endsAt, String status,
                              Instant completedAt, boolean therapistUnlinked) {

    /** Cancelled and rescheduled sessions did not take place as booked, so they get no note. */
    public boolean tookPlaceOrMay() {
        return !"cancelled".equals(status) && !"rescheduled".equals(status);
    }
}
