package org.teletherapy.sessions.availability;

import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

/** Whole days off, inclusive, in the therapist's time zone. */
public record TimeOff(@NotNull LocalDate from, @NotNull LocalDate to) {

    boolean covers(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }
}
