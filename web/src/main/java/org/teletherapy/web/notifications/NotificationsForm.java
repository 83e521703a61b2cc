package org.teletherapy.web.notifications;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The notification choices as the page shows them: a box per kind of mail, and the reminder lead times as boxes from
 * a short list of usual ones (plus any other value the person set through the API, so saving never drops it).
 */
public record NotificationsForm(boolean confirmations, boolean reminders, boolean homework, boolean forClient,
                                List<LeadTime> leadTimes, Map<String, String> errors) {

    static final List<Integer> USUAL_LEAD_MINUTES = List.of(10080, 2880, 1440, 180, 60, 30, 15);

    static NotificationsForm of(NotificationsController.Choices choices, boolean forClient, Map<String, String> errors) {
        TreeSet<Integer> offered = new TreeSet<>(java.util.Comparator.reverseOrder());
        offered.addAll(USUAL_LEAD_MINUTES);
        offered.addAll(choices.reminderLeadMinutes());
        List<LeadTime> leadTimes = offered.stream()
                .map(minutes -> LeadTime.of(minutes, choices.reminderLeadMinutes().contains(minutes))).toList();
        return new NotificationsForm(choices.confirmations(), choices.reminders(), choices.homework(), forClient,
                leadTimes, errors);
    }

    public String error(String field) {
        return errors.get(field);
    }

    /** A lead time in the unit a person says it in: "7 days", "3 hours", "30 minutes". */
    public record LeadTime(int minutes, String unit, int amount, boolean chosen) {

        static LeadTime of(int minutes, boolean chosen) {
            if (minutes % 1440 == 0) {
                return new LeadTime(minutes, "days", minutes / 1440, chosen);
            }
            if (minutes % 60 == 0) {
                return new LeadTime(minutes, "hours", minutes / 60, chosen);
            }
            return new LeadTime(minutes, "minutes", minutes, chosen);
        }
    }
}
