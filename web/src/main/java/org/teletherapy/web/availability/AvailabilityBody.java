package org.teletherapy.web.availability;

import java.time.LocalDate;
import java.util.List;

/** A therapist's availability as {@code GET /api/v1/availability} gives it. */
record AvailabilityBody(String timeZone, Integer sessionMinutes, Integer bufferMinutes, List<Window> weekly,
                        List<Off> timeOff) {

    record Window(String day, String start, String end) {
    }

    record Off(LocalDate from, LocalDate to) {
    }
}
