package org.teletherapy.web.availability;

import org.teletherapy.web.page.Viewer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The times clients can book in the next two weeks, by day in the therapist's zone: what the API offers from the saved
 * availability (with its notice period and the sessions already booked), not a calculation of the page's own.
 */
public record SlotPreview(String zone, List<Day> days, boolean unavailable) {

    public record Day(String label, List<String> times) {
    }

    record Slot(Instant start, Instant end) {
    }

    static SlotPreview of(List<Slot> slots, Viewer therapist) {
        DateTimeFormatter dayFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(therapist.locale());
        Map<LocalDate, List<String>> byDay = new LinkedHashMap<>();
        for (Slot slot : slots) {
            byDay.computeIfAbsent(therapist.local(slot.start()).toLocalDate(), day -> new ArrayList<>())
                    .add(therapist.time(slot.start()));
        }
        List<Day> days = new ArrayList<>();
        byDay.forEach((day, times) -> days.add(new Day(dayFormat.format(day), times)));
        return new SlotPreview(therapist.zone().getId(), days, false);
    }

    static SlotPreview unavailable(Viewer therapist) {
        return new SlotPreview(therapist.zone().getId(), List.of(), true);
    }

    public int count() {
        return days.stream().mapToInt(day -> day.times().size()).sum();
    }
}
