package org.teletherapy.web.booking;

import org.teletherapy.web.page.Viewer;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One week of free slots as the person reads them: Monday to Sunday in their own time zone, each day with its
 * times. Which slots exist is the API's answer; this only groups and words them.
 */
record BookingWeek(int offset, String label, Instant from, Instant to, List<Day> days) {

    record Day(String label, List<Time> times) {
        public int free() {
            return times.size();
        }
    }

    record Time(Instant start, String label, boolean taken) {
    }

    /** The week {@code offset} weeks after the current one, in the viewer's zone. */
    static BookingWeek range(int offset, Viewer viewer, Instant now) {
        LocalDate monday = now.atZone(viewer.zone()).toLocalDate()
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).plusWeeks(offset);
        ZonedDateTime start = monday.atStartOfDay(viewer.zone());
        ZonedDateTime end = monday.plusWeeks(1).atStartOfDay(viewer.zone());
        DateTimeFormatter dayFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(viewer.locale());
        String label = dayFormat.format(monday) + " – " + dayFormat.format(monday.plusDays(6));
        return new BookingWeek(offset, label, start.toInstant(), end.toInstant(), List.of());
    }

    BookingWeek with(List<Slot> slots, Viewer viewer, Instant takenStart) {
        DateTimeFormatter dayFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(viewer.locale());
        Map<LocalDate, List<Time>> byDay = new LinkedHashMap<>();
        for (Slot slot : slots) {
            LocalDate day = viewer.local(slot.start()).toLocalDate();
            byDay.computeIfAbsent(day, d -> new ArrayList<>())
                    .add(new Time(slot.start(), viewer.time(slot.start()), slot.start().equals(takenStart)));
        }
        List<Day> days = new ArrayList<>();
        byDay.forEach((day, times) -> days.add(new Day(dayFormat.format(day), times)));
        return new BookingWeek(offset, label, from, to, days);
    }
}
