package org.teletherapy.web.week;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which week a page shows: its Monday. Addressed as an ISO week ({@code 2026-W49}) or by any date in it. */
record WeekOf(LocalDate monday) {

    private static final Pattern ISO_WEEK = Pattern.compile("(\\d{4})-W(\\d{1,2})");

    /** The week {@code asked} names, or the one {@code today} is in when it names none (or none that exists). */
    static WeekOf parse(String asked, LocalDate today) {
        if (asked != null) {
            Matcher week = ISO_WEEK.matcher(asked.strip());
            if (week.matches()) {
                int year = Integer.parseInt(week.group(1));
                int number = Integer.parseInt(week.group(2));
                LocalDate inYear = LocalDate.of(year, 6, 1);
                if (number >= 1 && number <= inYear.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
                    return of(inYear.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, number));
                }
            } else {
                try {
                    return of(LocalDate.parse(asked.strip()));
                } catch (DateTimeParseException ignored) {
                    // Not a date either: the current week.
                }
            }
        }
        return of(today);
    }

    static WeekOf of(LocalDate day) {
        return new WeekOf(day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
    }

    WeekOf previous() {
        return new WeekOf(monday.minusWeeks(1));
    }

    WeekOf next() {
        return new WeekOf(monday.plusWeeks(1));
    }

    /** {@code 2026-W49}: the week-based year, which differs from the calendar year around New Year. */
    String iso() {
        return String.format(Locale.ROOT, "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR),
                monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }

    int number() {
        return monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    String label(Locale locale) {
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDate(java.time.format.FormatStyle.MEDIUM).withLocale(locale);
        return format.format(monday) + " – " + format.format(monday.plusDays(6));
    }
}
