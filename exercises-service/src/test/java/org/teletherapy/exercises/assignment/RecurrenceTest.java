package org.teletherapy.exercises.assignment;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecurrenceTest {

    static final Instant NOW = Instant.parse("2030-03-20T09:00:00Z");

    @Test
    void withoutARecurrenceThereIsOneInstanceAvailableAtOnce() {
        Instant due = Instant.parse("2030-03-22T18:00:00Z");

        assertThat(Recurrence.instances(null, due, NOW, 10)).containsExactly(new Recurrence.Instance(NOW, due));
    }

    @Test
    void dailyMakesOneInstancePerDayUntilTheEndEachAvailableFromThePreviousDueTime() {
        Recurrence daily = new Recurrence(Recurrence.Frequency.DAILY, Instant.parse("2030-03-24T18:00:00Z"), null);

        List<Recurrence.Instance> instances = Recurrence.instances(daily, Instant.parse("2030-03-21T18:00:00Z"), NOW, 10);

        assertThat(instances).extracting(Recurrence.Instance::dueAt).containsExactly(
                Instant.parse("2030-03-21T18:00:00Z"), Instant.parse("2030-03-22T18:00:00Z"),
                Instant.parse("2030-03-23T18:00:00Z"), Instant.parse("2030-03-24T18:00:00Z"));
        assertThat(instances).extracting(Recurrence.Instance::availableFrom).containsExactly(
                NOW, Instant.parse("2030-03-21T18:00:00Z"), Instant.parse("2030-03-22T18:00:00Z"),
                Instant.parse("2030-03-23T18:00:00Z"));
    }

    @Test
    void weeklyInstancesKeepTheLocalTimeAcrossADaylightSavingChange() {
        // Europe/Berlin moves to summer time on 2030-03-31: 19:00 local is 18:00Z before and 17:00Z after.
        Recurrence weekly = new Recurrence(Recurrence.Frequency.WEEKLY, Instant.parse("2030-04-06T00:00:00Z"), "Europe/Berlin");

        assertThat(Recurrence.instances(weekly, Instant.parse("2030-03-22T18:00:00Z"), NOW, 10))
                .extracting(Recurrence.Instance::dueAt)
                .containsExactly(Instant.parse("2030-03-22T18:00:00Z"), Instant.parse("2030-03-29T18:00:00Z"),
                        Instant.parse("2030-04-05T17:00:00Z"));
    }

    @Test
    void aRecurrenceEndingBeforeTheFirstDueTimeOrMakingTooManyInstancesIsRefused() {
        Instant due = Instant.parse("2030-03-22T18:00:00Z");

        assertThatThrownBy(() -> Recurrence.instances(new Recurrence(Recurrence.Frequency.DAILY,
                Instant.parse("2030-03-21T00:00:00Z"), null), due, NOW, 10))
                .isInstanceOf(AssignmentProblems.InvalidRecurrenceException.class);
        assertThatThrownBy(() -> Recurrence.instances(new Recurrence(Recurrence.Frequency.DAILY,
                Instant.parse("2030-12-31T00:00:00Z"), null), due, NOW, 10))
                .isInstanceOf(AssignmentProblems.InvalidRecurrenceException.class);
        assertThatThrownBy(() -> Recurrence.instances(new Recurrence(Recurrence.Frequency.WEEKLY,
                Instant.parse("2030-04-30T00:00:00Z"), "Mars/Olympus"), due, NOW, 10))
                .isInstanceOf(AssignmentProblems.InvalidRecurrenceException.class);
    }
}
