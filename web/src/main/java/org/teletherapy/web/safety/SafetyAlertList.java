package org.teletherapy.web.safety;

import org.teletherapy.web.home.Section;
import org.teletherapy.web.page.Viewer;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/** Every alert about the therapist's clients: open first, then acknowledged, each newest first, with who and when. */
public record SafetyAlertList(List<Line> open, List<Line> acknowledged, boolean unavailable) {

    static SafetyAlertList of(Section<SafetyAlertsController.Alert> alerts, UUID me, Viewer viewer) {
        List<Line> lines = alerts.items().stream()
                .sorted(Comparator.comparing(SafetyAlertsController.Alert::raisedAt).reversed())
                .map(alert -> new Line(alert.id().toString(), alert.clientId().toString(),
                        alert.assignmentId() == null ? null : alert.assignmentId().toString(), alert.instrument(),
                        viewer.dateTime(alert.raisedAt()),
                        alert.acknowledgedAt() == null ? null : viewer.dateTime(alert.acknowledgedAt()),
                        alert.acknowledgedBy() != null && alert.acknowledgedBy().equals(me)))
                .toList();
        return new SafetyAlertList(lines.stream().filter(line -> line.acknowledged() == null).toList(),
                lines.stream().filter(line -> line.acknowledged() != null).toList(), alerts.unavailable());
    }

    /** {@code byMe}: acknowledged by the viewer; otherwise by another therapist of the client's care team. */
    public record Line(String id, String clientId, String assignmentId, String instrument, String raised,
                       String acknowledged, boolean byMe) {
    }
}
