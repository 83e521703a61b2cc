package org.teletherapy.sessions.booking;

import java.time.Instant;
import java.util.UUID;

/** What another feature may know of a session for a person's calendar: when, its status, and when it last changed. */
public record SessionEntry(UUID sessionId, Instant start, Instant end, String status, Instant updatedAt) {
}
