package org.teletherapy.sessions.availability;

import java.time.Instant;

/** Time a therapist is already taken: an active session from its start until the end of its buffer. */
public record BusyInterval(Instant start, Instant until) {

    boolean overlaps(Instant otherStart, Instant otherUntil) {
        return start.isBefore(otherUntil) && otherStart.isBefore(until);
    }
}
