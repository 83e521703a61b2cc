package org.teletherapy.web.notifications;

import org.teletherapy.web.home.Section;
import org.teletherapy.web.page.Viewer;

import java.util.List;

/** What was sent to the person, newest first, in their time zone: kind, time, status and attempts, nothing more. */
public record DeliveryLog(List<Line> lines, boolean unavailable) {

    static DeliveryLog of(Section<NotificationsController.Sent> sent, Viewer viewer) {
        return new DeliveryLog(sent.items().stream()
                .map(line -> new Line(line.kind(), line.status(),
                        viewer.dateTime(line.sentAt() != null ? line.sentAt() : line.dueAt()), line.attempts()))
                .toList(), sent.unavailable());
    }

    /** {@code kind} and {@code status} are the API's names (session-booked, sent), which the page translates. */
    public record Line(String kind, String status, String when, int attempts) {
    }
}
