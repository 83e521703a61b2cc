package org.teletherapy.sessions.availability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Free slots of a therapist. Pure: the same availability, busy times and clock give the same slots.
 *
 * <p>Windows are walked in the therapist's local time and each slot start is converted with its own day's offset, so
 * the slots stay at 09:00 local across daylight-saving changes. A start that does not exist locally (the hour skipped
 * in spring) is dropped rather than moved, so a slot never begins at a time the therapist did not offer.
 */
public final class SlotCalculator {

    private SlotCalculator() {
    }

    /** All free slots starting in [{@code from}, {@code to}) and not before {@code earliestStart}. */
    public static List<Slot> freeSlots(Availability availability, List<BusyInterval> busy, Instant from, Instant to,
                                       Instant earliestStart) {
        List<Slot> slots = new ArrayList<>();
        List<BusyInterval> sortedBusy = busy.stream().sorted(Comparator.comparing(BusyInterval::start)).toList();
        // Candidates and busy times are both in start order: walk them together instead of comparing every pair.
        int firstRelevant = 0;
        for (Slot candidate : candidates(availability, from, to)) {
            if (candidate.start().isBefore(earliestStart)) {
                continue;
            }
            Instant blockedUntil = candidate.end().plus(availability.buffer());
            // A busy time that ended before this candidate ended before every later one too.
            while (firstRelevant < sortedBusy.size() && !sortedBusy.get(firstRelevant).until().isAfter(candidate.start())) {
                firstRelevant++;
            }
            boolean free = true;
            for (int i = firstRelevant; i < sortedBusy.size() && sortedBusy.get(i).start().isBefore(blockedUntil); i++) {
                if (sortedBusy.get(i).overlaps(candidate.start(), blockedUntil)) {
                    free = false;
                    break;
                }
            }
            if (free) {
                slots.add(candidate);
            }
        }
        return slots;
    }

    /** Whether {@code start} is a slot start of the therapist's grid (ignoring whether it is free). */
    public static boolean isOnGrid(Availability availability, Instant start) {
        Instant dayBefore = start.minusSeconds(86_400);
        return candidates(availability, dayBefore, start.plusSeconds(1)).stream()
                .anyMatch(slot -> slot.start().equals(start));
    }

    static List<Slot> candidates(Availability availability, Instant from, Instant to) {
        List<Slot> slots = new ArrayList<>();
        LocalDate firstDay = from.atZone(availability.timeZone()).toLocalDate().minusDays(1);
        LocalDate lastDay = to.atZone(availability.timeZone()).toLocalDate();
        long step = availability.sessionMinutes() + availability.bufferMinutes();
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            LocalDate current = day;
            if (availability.timeOff().stream().anyMatch(off -> off.covers(current))) {
                continue;
            }
            for (WeeklyWindow window : availability.weekly()) {
                if (window.day() != day.getDayOfWeek()) {
                    continue;
                }
                for (LocalTime start = window.start();
                     !start.plusMinutes(availability.sessionMinutes()).isAfter(window.end())
                             && !start.plusMinutes(availability.sessionMinutes()).isBefore(start);
                     start = start.plusMinutes(step)) {
                    Slot slot = slotAt(availability, LocalDateTime.of(day, start));
                    if (slot != null && !slot.start().isBefore(from) && slot.start().isBefore(to)) {
                        slots.add(slot);
                    }
                    if (start.plusMinutes(step).isBefore(start)) {
                        break; // wrapped past midnight
                    }
                }
            }
        }
        slots.sort(Comparator.comparing(Slot::start));
        return slots;
    }

    private static Slot slotAt(Availability availability, LocalDateTime localStart) {
        ZonedDateTime start = localStart.atZone(availability.timeZone());
        if (!start.toLocalDateTime().equals(localStart)) {
            return null; // the local time does not exist on this day (clocks moved forward)
        }
        return new Slot(start.toInstant(), start.toInstant().plus(availability.sessionLength()));
    }
}
