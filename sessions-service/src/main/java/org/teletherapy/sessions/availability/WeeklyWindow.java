package org.teletherapy.sessions.availability;

import jakarta.validation.constraints.NotNull;

import java.time.DayOfWeek;
import java.time.LocalTime;

/** One weekly window of availability in the therapist's own time zone, e.g. Mondays 09:00–17:00. */
public record WeeklyWindow(@NotNull DayOfWeek day, @NotNull LocalTime start, @NotNull LocalTime end) {

    boolean overlaps(WeeklyWindow other) {
        return day == other.day && start.isBefore(other.end) && other.start.isBefore(end);
    }
}
