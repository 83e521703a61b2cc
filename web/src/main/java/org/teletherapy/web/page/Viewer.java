package org.teletherapy.web.page;

import org.springframework.http.HttpCookie;
import org.springframework.web.server.ServerWebExchange;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.chrono.IsoChronology;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Whose eyes a page is for: their language and their time zone. The time zone is the browser's (a small script
 * stores it in the {@code tz} cookie), so a session at 09:00 in Berlin reads 09:00 in Berlin, and 03:00 in New York.
 */
public record Viewer(Locale locale, ZoneId zone) {

    public static final String TIME_ZONE_COOKIE = "tz";

    public static Viewer of(ServerWebExchange exchange, ZoneId fallback) {
        Locale locale = exchange.getLocaleContext().getLocale();
        return new Viewer(locale == null ? Locale.ENGLISH : locale,
                zoneOf(exchange.getRequest().getCookies().getFirst(TIME_ZONE_COOKIE), fallback));
    }

    private static ZoneId zoneOf(HttpCookie cookie, ZoneId fallback) {
        if (cookie == null || cookie.getValue().isBlank() || cookie.getValue().length() > 64) {
            return fallback;
        }
        try {
            // The script stores the zone URI-encoded (Europe%2FBerlin).
            return ZoneId.of(URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8));
        } catch (DateTimeException | IllegalArgumentException e) {
            return fallback;
        }
    }

    public ZonedDateTime local(Instant instant) {
        return instant.atZone(zone);
    }

    /** "Tuesday, 1 December 2026, 09:00" in the viewer's language and zone. */
    public String dateTime(Instant instant) {
        return DateTimeFormatter.ofPattern(pattern(FormatStyle.FULL), locale).format(local(instant));
    }

    /** A calendar date the API names ({@code 2026-12-08}) as "Tuesday, 8 December 2026"; unreadable ones as they are. */
    public String date(String isoDate) {
        try {
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(LocalDate.parse(isoDate));
        } catch (DateTimeException e) {
            return isoDate;
        }
    }

    public String time(Instant instant) {
        return DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).format(local(instant));
    }

    // The full date (weekday, day, month, year) with a short time: a session's day must not be misread.
    private String pattern(FormatStyle dateStyle) {
        return DateTimeFormatterBuilder.getLocalizedDateTimePattern(dateStyle, null, IsoChronology.INSTANCE, locale)
                + ", " + DateTimeFormatterBuilder.getLocalizedDateTimePattern(null, FormatStyle.SHORT,
                IsoChronology.INSTANCE, locale);
    }
}
