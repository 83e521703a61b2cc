package org.teletherapy.exercises.assignment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.teletherapy.service.input.InputRules;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A recurring assignment: one instance per day or week, the first due at the assignment's {@code dueAt}, the last no
 * later than {@code until}.
 *
 * @param timeZone the client's IANA time zone, so "daily at 20:00" stays at 20:00 across daylight saving changes;
 *                 UTC if not given
 */
record Recurrence(@NotNull Frequency frequency, @NotNull Instant until, @Nullable String timeZone) {

    enum Frequency {
        DAILY("daily"), WEEKLY("weekly");

        private final String wire;

        Frequency(String wire) {
            this.wire = wire;
        }

        @JsonValue
        String wire() {
            return wire;
        }

        @JsonCreator
        static Frequency fromWire(String value) {
            return Arrays.stream(values()).filter(frequency -> frequency.wire.equals(value)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown frequency"));
        }
    }

    /** One period's instance: visible from {@code availableFrom} (the previous one's due time), due at {@code dueAt}. */
    record Instance(Instant availableFrom, Instant dueAt) {
    }

    /**
     * The instances of an assignment first due at {@code firstDue}, created at {@code now}: just one without a
     * recurrence.
     *
     * @throws AssignmentProblems.InvalidRecurrenceException if the recurrence ends before the first due time, has an
     *                                                        unknown zone, or would make more than {@code maxInstances}
     */
    static List<Instance> instances(@Nullable Recurrence recurrence, Instant firstDue, Instant now, int maxInstances) {
        if (recurrence == null) {
            return List.of(new Instance(now, firstDue));
        }
        if (recurrence.until().isBefore(firstDue)) {
            throw new AssignmentProblems.InvalidRecurrenceException("recurrence.until", "before-first-due",
                    "The recurrence ends before the first instance is due.");
        }
        ZoneId zone = zone(recurrence.timeZone());
        ZonedDateTime first = firstDue.atZone(zone);
        List<Instance> instances = new ArrayList<>();
        Instant availableFrom = now;
        for (int period = 0; ; period++) {
            Instant due = (recurrence.frequency() == Frequency.DAILY ? first.plusDays(period) : first.plusWeeks(period)).toInstant();
            if (due.isAfter(recurrence.until())) {
                break;
            }
            if (instances.size() == maxInstances) {
                throw new AssignmentProblems.InvalidRecurrenceException("recurrence.until", "too-many-instances",
                        "A recurring assignment has at most " + maxInstances + " instances; choose an earlier end.");
            }
            instances.add(new Instance(availableFrom, due));
            availableFrom = due;
        }
        return instances;
    }

    private static ZoneId zone(@Nullable String timeZone) {
        if (timeZone == null) {
            return ZoneOffset.UTC;
        }
        return InputRules.timeZone(timeZone).orElseThrow(() -> new AssignmentProblems.InvalidRecurrenceException(
                "recurrence.timeZone", "unknown-time-zone", "Not a region-based IANA time zone such as Europe/Berlin."));
    }
}
