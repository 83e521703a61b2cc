package org.teletherapy.notifications.preference;

import java.util.List;

/**
 * What a person receives. Reminders go to clients unless they turn them off, and to therapists only if they turn
 * them on.
 *
 * @param reminderLeadMinutes how long before a session each reminder goes out
 */
public record Preference(boolean confirmations, boolean reminders, boolean homework, List<Integer> reminderLeadMinutes) {

    public boolean wants(Category category) {
        return switch (category) {
            case CONFIRMATIONS -> confirmations;
            case REMINDERS -> reminders;
            case HOMEWORK -> homework;
        };
    }
}
