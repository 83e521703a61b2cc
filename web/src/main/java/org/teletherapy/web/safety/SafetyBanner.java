package org.teletherapy.web.safety;

import org.teletherapy.web.home.Section;
import org.teletherapy.web.page.Viewer;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The open alerts as the banner shows them, newest first; {@code unavailable} when exercises-service did not answer. */
public record SafetyBanner(List<Line> open, boolean unavailable) {

    static SafetyBanner of(Section<SafetyAlertsController.Alert> alerts, Map<UUID, String> names, Viewer viewer) {
        return new SafetyBanner(alerts.items().stream()
                .sorted(java.util.Comparator.comparing(SafetyAlertsController.Alert::raisedAt).reversed())
                .map(alert -> new Line(alert.id().toString(), alert.clientId().toString(), names.get(alert.clientId()),
                        alert.assignmentId() == null ? null : alert.assignmentId().toString(), alert.instrument(),
                        viewer.dateTime(alert.raisedAt())))
                .toList(), alerts.unavailable());
    }

    public boolean shown() {
        return unavailable || !open.isEmpty();
    }

    /** {@code clientName} is null when sessions-service did not answer: the line then leads to the client's page. */
    public record Line(String id, String clientId, String clientName, String assignmentId, String instrument,
                       String raised) {
    }
}
