package org.teletherapy.sessions.availability;

import java.time.Instant;

/** A bookable time: {@code start} to {@code end} (the buffer after it is not part of the slot). */
public record Slot(Instant start, Instant end) {
}
