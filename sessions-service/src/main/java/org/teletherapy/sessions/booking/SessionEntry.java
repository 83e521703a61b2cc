package org.teletherapy.sessions.booking;

import java.time.Instant;
import java.util.UUID;

/**
 * What another feature may know of a session for a person's calendar: when, its status, and when it last changed.
 * {@code calendarId} is the first session of its chain of moves: a moved session is a new row, but for a calendar it
 * is the same appointment, changed {@code sequence} times (RFC 5545 SEQUENCE).
 */
public record SessionEntry(UUID sessionId, UUID calendarId, int sequence, Instant start, Instant end, String status,
                           Instant updatedAt) {
}
