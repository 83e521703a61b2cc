package org.teletherapy.notifications.preference;

import io.r2dbc.spi.Readable;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Each person's choices, with the defaults for what they never chose. */
@Service
public class Preferences {

    private final DatabaseClient database;
    private final List<Integer> defaultLeadMinutes;

    Preferences(DatabaseClient database, ReminderProperties reminders) {
        this.database = database;
        this.defaultLeadMinutes = reminders.leadTimes().stream().map(lead -> (int) lead.toMinutes()).toList();
    }

    /** @param therapist therapists receive reminders only when they asked for them */
    public Mono<Preference> of(UUID userId, boolean therapist) {
        Preference defaults = new Preference(true, !therapist, true, defaultLeadMinutes);
        return database.sql("select * from notification_preference where user_id = :user")
                .bind("user", userId)
                .map(row -> chosen(row, defaults))
                .one()
                .defaultIfEmpty(defaults);
    }

    Mono<Void> save(UUID userId, Preference preference, Instant now) {
        return database.sql("""
                        insert into notification_preference
                               (user_id, confirmations, reminders, homework, reminder_lead_minutes, updated_at)
                        values (:user, :confirmations, :reminders, :homework, :lead, :now)
                        on conflict (user_id) do update
                           set confirmations = excluded.confirmations, reminders = excluded.reminders,
                               homework = excluded.homework, reminder_lead_minutes = excluded.reminder_lead_minutes,
                               updated_at = excluded.updated_at""")
                .bind("user", userId)
                .bind("confirmations", preference.confirmations())
                .bind("reminders", preference.reminders())
                .bind("homework", preference.homework())
                .bind("lead", preference.reminderLeadMinutes().toArray(Integer[]::new))
                .bind("now", now)
                .then();
    }

    /** Turns one category off, leaving the others as they were (or as their defaults). */
    Mono<Void> optOut(UUID userId, Category category, Instant now) {
        return database.sql("""
                        insert into notification_preference (user_id, %1$s, updated_at) values (:user, false, :now)
                        on conflict (user_id) do update set %1$s = false, updated_at = excluded.updated_at"""
                        .formatted(category.wireName()))
                .bind("user", userId)
                .bind("now", now)
                .then();
    }

    private static Preference chosen(Readable row, Preference defaults) {
        Integer[] lead = row.get("reminder_lead_minutes", Integer[].class);
        return new Preference(
                or(row.get("confirmations", Boolean.class), defaults.confirmations()),
                or(row.get("reminders", Boolean.class), defaults.reminders()),
                or(row.get("homework", Boolean.class), defaults.homework()),
                lead == null ? defaults.reminderLeadMinutes() : Arrays.asList(lead));
    }

    private static boolean or(Boolean chosen, boolean byDefault) {
        return chosen == null ? byDefault : chosen;
    }

    /** The client was erased: their choices go with them. */
    public Mono<Void> forget(UUID userId) {
        return database.sql("delete from notification_preference where user_id = :user").bind("user", userId).then();
    }
}
