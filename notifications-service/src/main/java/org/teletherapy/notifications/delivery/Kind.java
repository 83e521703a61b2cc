package org.teletherapy.notifications.delivery;

import org.jspecify.annotations.Nullable;
import org.teletherapy.notifications.preference.Category;

import java.util.Arrays;

/** What a message is about. Its template is named after it; its category is what a person can turn off. */
public enum Kind {
    SESSION_BOOKED("session-booked", Category.CONFIRMATIONS),
    SESSION_RESCHEDULED("session-rescheduled", Category.CONFIRMATIONS),
    SESSION_CANCELLED("session-cancelled", Category.CONFIRMATIONS),
    SESSION_REMINDER("session-reminder", Category.REMINDERS),
    ROSTER_LINKED("roster-linked", Category.CONFIRMATIONS),
    EXERCISE_ASSIGNED("exercise-assigned", Category.HOMEWORK),
    EXERCISE_OVERDUE("exercise-overdue", Category.HOMEWORK),
    /** Cannot be turned off: a client needs attention. */
    SAFETY_ALERT("safety-alert", null),
    /** Cannot be turned off: nobody acknowledged the alert in time. */
    SAFETY_ESCALATION("safety-escalation", null);

    private final String wireName;
    private final @Nullable Category category;

    Kind(String wireName, @Nullable Category category) {
        this.wireName = wireName;
        this.category = category;
    }

    public String wireName() {
        return wireName;
    }

    /** Empty for the safety messages, which nobody can unsubscribe from. */
    public @Nullable Category category() {
        return category;
    }

    static Kind of(String wireName) {
        return Arrays.stream(values()).filter(kind -> kind.wireName.equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown kind " + wireName));
    }
}
