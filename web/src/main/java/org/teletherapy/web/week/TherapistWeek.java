package org.teletherapy.web.week;

import org.teletherapy.web.home.ApiViews.Session;
import org.teletherapy.web.home.Section;
import org.teletherapy.web.page.Viewer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A therapist's week as they read it, in their own time zone: today's sessions first with what can be done with
 * them now, the notes still to write, then the week day by day and hour by hour with its sessions and free times.
 * What can be joined, completed or marked missed, and what is free, is what the API said; this only arranges it.
 */
public record TherapistWeek(String label, int number, String iso, String previous, String next, boolean current,
                            String zone, List<TodayLine> today, List<DueLine> due, List<String> dayHeads,
                            List<HourRow> hours, List<Day> days, boolean sessionsUnavailable,
                            boolean slotsUnavailable, boolean notesUnavailable) {

    /** Hours a day shows at least, so that an empty week still reads as a working day. */
    static final int FIRST_HOUR = 8;
    static final int LAST_HOUR = 18;

    /** A session or a free time in the week; {@code client} is null for a free time, "" for a former client. */
    public record Entry(UUID sessionId, UUID clientId, String client, String time, String status, Instant start) {
        public boolean free() {
            return sessionId == null;
        }
    }

    public record HourRow(String label, List<Cell> cells) {
    }

    public record Cell(String day, List<Entry> entries) {
    }

    public record Day(String name, String date, boolean today, List<Entry> entries) {
    }

    /**
     * One of today's sessions. {@code joinUrl} while the API offers the room; {@code closable} once the API's rule
     * allows completing it or marking it missed, and until then {@code closableFrom} says when.
     */
    public record TodayLine(UUID id, UUID clientId, String client, String time, String status, String joinUrl,
                            String joinOpensAt, boolean closable, String closableFrom) {
    }

    public record DueLine(UUID sessionId, UUID clientId, String client, String when) {
    }

    record Slot(Instant start, Instant end) {
    }

    record DueNote(UUID sessionId, UUID clientId, Instant startsAt) {
    }

    static TherapistWeek of(WeekOf week, Section<Session> sessions, Section<Slot> slots, Section<DueNote> due,
                            Map<UUID, String> clients, Viewer therapist, Instant now) {
        LocalDate today = now.atZone(therapist.zone()).toLocalDate();
        Instant from = week.monday().atStartOfDay(therapist.zone()).toInstant();
        Instant to = week.monday().plusWeeks(1).atStartOfDay(therapist.zone()).toInstant();

        List<Entry> entries = new ArrayList<>();
        sessions.items().stream()
                .filter(session -> session.start().isBefore(to) && session.end().isAfter(from))
                .forEach(session -> entries.add(new Entry(session.id(), session.clientId(), name(clients, session.clientId()),
                        span(therapist, session.start(), session.end()), session.status(), session.start())));
        slots.items().stream()
                .filter(slot -> slot.start().isBefore(to) && !slot.start().isBefore(from))
                .forEach(slot -> entries.add(new Entry(null, null, null, span(therapist, slot.start(), slot.end()), "free",
                        slot.start())));
        entries.sort(Comparator.comparing(Entry::start));

        List<Day> days = new ArrayList<>();
        List<String> heads = new ArrayList<>();
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(therapist.locale());
        for (int offset = 0; offset < 7; offset++) {
            LocalDate day = week.monday().plusDays(offset);
            String name = day.getDayOfWeek().getDisplayName(TextStyle.FULL, therapist.locale());
            days.add(new Day(name, date.format(day), day.equals(today),
                    entries.stream().filter(entry -> localDate(therapist, entry.start()).equals(day)).toList()));
            heads.add(name);
        }

        List<TodayLine> todayLines = sessions.items().stream()
                .filter(session -> localDate(therapist, session.start()).equals(today))
                .sorted(Comparator.comparing(Session::start))
                .map(session -> new TodayLine(session.id(), session.clientId(), name(clients, session.clientId()),
                        span(therapist, session.start(), session.end()), session.status(), session.videoUrl(),
                        session.videoJoinOpensAt() == null ? null : therapist.time(session.videoJoinOpensAt()),
                        session.closableAt(now),
                        session.closableFrom() == null ? null : therapist.time(session.closableFrom())))
                .toList();
        List<DueLine> dueLines = due.items().stream()
                .sorted(Comparator.comparing(DueNote::startsAt))
                .map(note -> new DueLine(note.sessionId(), note.clientId(), name(clients, note.clientId()),
                        therapist.dateTime(note.startsAt())))
                .toList();

        return new TherapistWeek(week.label(therapist.locale()), week.number(), week.iso(), week.previous().iso(),
                week.next().iso(), WeekOf.of(today).equals(week), therapist.zone().getId(), todayLines, dueLines, heads,
                hours(days, therapist), days, sessions.unavailable(), slots.unavailable(), due.unavailable());
    }

    /** The grid's rows: each hour from the earliest entry (or 08:00) to the latest (or 18:00), every day a cell. */
    private static List<HourRow> hours(List<Day> days, Viewer therapist) {
        int first = FIRST_HOUR;
        int last = LAST_HOUR;
        for (Day day : days) {
            for (Entry entry : day.entries()) {
                int hour = therapist.local(entry.start()).getHour();
                first = Math.min(first, hour);
                last = Math.max(last, hour + 1);
            }
        }
        DateTimeFormatter hourFormat = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(therapist.locale());
        List<HourRow> rows = new ArrayList<>();
        for (int hour = first; hour < last; hour++) {
            int at = hour;
            List<Cell> cells = new ArrayList<>();
            for (Day day : days) {
                cells.add(new Cell(day.name(), day.entries().stream()
                        .filter(entry -> therapist.local(entry.start()).getHour() == at).toList()));
            }
            rows.add(new HourRow(hourFormat.format(LocalTime.of(hour, 0)), cells));
        }
        return rows;
    }

    private static String span(Viewer therapist, Instant start, Instant end) {
        return therapist.time(start) + "–" + therapist.time(end);
    }

    private static LocalDate localDate(Viewer therapist, Instant instant) {
        return therapist.local(instant).toLocalDate();
    }

    /** "" for someone no longer on the caseload: the page then says "former client". */
    private static String name(Map<UUID, String> clients, UUID clientId) {
        return clientId == null ? "" : clients.getOrDefault(clientId, "");
    }
}
