package org.teletherapy.sessions.availability;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SlotCalculatorTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static Availability berlin(int sessionMinutes, int bufferMinutes, List<TimeOff> timeOff, WeeklyWindow... windows) {
        return new Availability(UUID.randomUUID(), BERLIN, sessionMinutes, bufferMinutes, Arrays.asList(windows), timeOff);
    }

    private static List<Instant> starts(List<Slot> slots) {
        return slots.stream().map(Slot::start).toList();
    }

    @Test
    void slotsStayAtTheSameLocalTimeAcrossTheSpringDaylightSavingChange() {
        // Berlin moves from UTC+1 to UTC+2 on Sunday 2027-03-28.
        Availability availability = berlin(50, 10, List.of(),
                new WeeklyWindow(DayOfWeek.FRIDAY, LocalTime.of(9, 0), LocalTime.of(10, 0)),
                new WeeklyWindow(DayOfWeek.MONDAY, LocalTime.of(9, 0), LocalTime.of(10, 0)));

        List<Slot> slots = SlotCalculator.freeSlots(availability, List.of(), Instant.parse("2027-03-25T00:00:00Z"),
                Instant.parse("2027-03-30T00:00:00Z"), Instant.EPOCH);

        assertThat(starts(slots)).containsExactly(
                Instant.parse("2027-03-26T08:00:00Z"),   // Friday 09:00 CET
                Instant.parse("2027-03-29T07:00:00Z"));  // Monday 09:00 CEST
        assertThat(slots.get(1).end()).isEqualTo(Instant.parse("2027-03-29T07:50:00Z"));
    }

    @Test
    void aLocalTimeSkippedByTheClockChangeIsNeverOffered() {
        Availability availability = berlin(50, 10, List.of(),
                new WeeklyWindow(DayOfWeek.SUNDAY, LocalTime.of(1, 0), LocalTime.of(4, 0)));

        List<Slot> slots = SlotCalculator.freeSlots(availability, List.of(), Instant.parse("2027-03-27T00:00:00Z"),
                Instant.parse("2027-03-29T00:00:00Z"), Instant.EPOCH);

        // 01:00 CET, then 02:00 does not exist that night, then 03:00 CEST.
        assertThat(starts(slots)).containsExactly(Instant.parse("2027-03-28T00:00:00Z"), Instant.parse("2027-03-28T01:00:00Z"));
    }

    @Test
    void slotsAreSpacedBySessionLengthPlusBuffer() {
        Availability availability = berlin(50, 10, List.of(),
                new WeeklyWindow(DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)));

        List<Slot> slots = SlotCalculator.freeSlots(availability, List.of(), Instant.parse("2027-06-01T00:00:00Z"),
                Instant.parse("2027-06-02T00:00:00Z"), Instant.EPOCH);

        assertThat(starts(slots)).containsExactly(Instant.parse("2027-06-01T07:00:00Z"), Instant.parse("2027-06-01T08:00:00Z"),
                Instant.parse("2027-06-01T09:00:00Z"));
    }

    @Test
    void bookedTimeWithItsBufferAndTimeOffAndShortNoticeAreNotFree() {
        Availability availability = berlin(50, 10, List.of(new TimeOff(LocalDate.of(2027, 6, 2), LocalDate.of(2027, 6, 2))),
                new WeeklyWindow(DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)),
                new WeeklyWindow(DayOfWeek.WEDNESDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)));
        // A session 10:00–10:50 local with its 10-minute buffer.
        List<BusyInterval> busy = List.of(new BusyInterval(Instant.parse("2027-06-01T08:00:00Z"), Instant.parse("2027-06-01T09:00:00Z")));

        List<Slot> slots = SlotCalculator.freeSlots(availability, busy, Instant.parse("2027-06-01T00:00:00Z"),
                Instant.parse("2027-06-03T00:00:00Z"), Instant.parse("2027-06-01T07:30:00Z"));

        assertThat(starts(slots)).containsExactly(Instant.parse("2027-06-01T09:00:00Z"));
    }

    @Test
    void onlySlotStartsAreOnTheGrid() {
        Availability availability = berlin(50, 10, List.of(),
                new WeeklyWindow(DayOfWeek.TUESDAY, LocalTime.of(9, 0), LocalTime.of(12, 0)));

        assertThat(SlotCalculator.isOnGrid(availability, Instant.parse("2027-06-01T08:00:00Z"))).isTrue();
        assertThat(SlotCalculator.isOnGrid(availability, Instant.parse("2027-06-01T08:15:00Z"))).isFalse();
        assertThat(SlotCalculator.isOnGrid(availability, Instant.parse("2027-06-02T08:00:00Z"))).isFalse();
    }
}
