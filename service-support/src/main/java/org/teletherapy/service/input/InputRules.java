package org.teletherapy.service.input;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The rules every service applies to what callers send, in JSON bodies and in path and query parameters alike:
 * canonical UUIDs, ISO-8601 times within years a person can mean, and text without control characters (PostgreSQL
 * refuses NUL, and none of them belongs in a name, a title or a note).
 */
public final class InputRules {

    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 9999;

    public static final String UUID_MESSAGE = "must be a UUID such as 3f2b9c4e-8d1a-4b6f-9e2d-5a7c1b0e4f93";
    public static final String INSTANT_MESSAGE = "must be a date and time such as 2026-03-02T09:00:00Z, in the years "
            + MIN_YEAR + " to " + MAX_YEAR;
    public static final String DATE_MESSAGE = "must be a date such as 2026-03-02, in the years " + MIN_YEAR + " to " + MAX_YEAR;
    public static final String TIME_MESSAGE = "must be a time of day such as 09:30";
    public static final String CONTROL_CHARACTERS_MESSAGE = "must not contain control characters";

    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private InputRules() {
    }

    /** Only the 36-character form: {@link UUID#fromString} also takes "1-2-3-4-5" and padded text. */
    public static Optional<UUID> uuid(String text) {
        return CANONICAL_UUID.matcher(text).matches() ? Optional.of(UUID.fromString(text)) : Optional.empty();
    }

    /** An ISO-8601 date and time with an offset ({@code Z} or {@code +01:00}), in the years allowed. */
    public static Optional<Instant> instant(String text) {
        try {
            OffsetDateTime parsed = OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            int year = parsed.withOffsetSameInstant(ZoneOffset.UTC).getYear();
            return year < MIN_YEAR || year > MAX_YEAR ? Optional.empty() : Optional.of(parsed.toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** A calendar date, {@code 2026-03-02}: never a timestamp cut down to its date. */
    public static Optional<LocalDate> date(String text) {
        try {
            LocalDate parsed = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
            return parsed.getYear() < MIN_YEAR || parsed.getYear() > MAX_YEAR ? Optional.empty() : Optional.of(parsed);
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    public static Optional<LocalTime> time(String text) {
        try {
            return Optional.of(LocalTime.parse(text, DateTimeFormatter.ISO_LOCAL_TIME));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /**
     * A region-based IANA time zone such as {@code Europe/Berlin}: not a fixed offset ({@code +14:00},
     * {@code UTC+01:00}) and not the obsolete {@code SystemV/} zones, which {@link ZoneId#of} also takes.
     */
    public static Optional<ZoneId> timeZone(String text) {
        if (text == null || text.startsWith("SystemV/") || !ZoneId.getAvailableZoneIds().contains(text)) {
            return Optional.empty();
        }
        return Optional.of(ZoneId.of(text));
    }

    /** C0 controls other than tab, line feed and carriage return, DEL, and the C1 controls. */
    public static boolean hasControlCharacters(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
                return true;
            }
        }
        return false;
    }
}
