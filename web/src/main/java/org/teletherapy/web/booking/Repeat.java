package org.teletherapy.web.booking;

import org.springframework.util.MultiValueMap;

import java.util.List;

/**
 * How often a chosen time is to be booked: once, or as a series the API books all-or-nothing. How many sessions a
 * series may have is the API's rule; it answers a wrong count with a problem the page shows.
 */
record Repeat(String mode, int count) {

    static final String ONCE = "once";
    static final List<String> MODES = List.of(ONCE, "weekly", "every-other-week");
    static final int DEFAULT_COUNT = 6;

    static Repeat once() {
        return new Repeat(ONCE, DEFAULT_COUNT);
    }

    static Repeat of(String mode, String count) {
        String chosen = mode != null && MODES.contains(mode) ? mode : ONCE;
        try {
            return new Repeat(chosen, count == null || count.isBlank() ? DEFAULT_COUNT : Integer.parseInt(count.trim()));
        } catch (NumberFormatException e) {
            return new Repeat(chosen, DEFAULT_COUNT);
        }
    }

    static Repeat of(MultiValueMap<String, String> form) {
        return of(form.getFirst("repeat"), form.getFirst("count"));
    }

    public boolean series() {
        return !ONCE.equals(mode);
    }

    /** The API's name of the frequency. */
    String frequency() {
        return "weekly".equals(mode) ? "WEEKLY" : "EVERY_OTHER_WEEK";
    }
}
