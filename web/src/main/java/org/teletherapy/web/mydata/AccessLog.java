package org.teletherapy.web.mydata;

import org.teletherapy.web.home.Section;
import org.teletherapy.web.page.Viewer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The lines of "Who saw my record", from notes-service's access audit, in the reader's zone and words. */
record AccessLog(List<Line> lines, boolean unavailable) {

    /** One entry as notes-service answers it. */
    record Entry(Instant at, String actorRole, UUID actorId, boolean you, String action, String activity,
                 UUID noteId, String outcome) {
    }

    /**
     * @param who      a therapist's name when the care team names them; empty otherwise (the role says who)
     * @param role     {@code you}, {@code therapist}, {@code operator} or {@code system}, a message key's last part
     * @param activity the audit's activity code, a message key's last part
     */
    record Line(String when, String role, String who, String activity, String outcome) {
    }

    private static final List<String> KNOWN_ACTIVITIES = List.of("note.create", "note.read", "note.update", "note.sign",
            "note.addendum", "note.delete", "note.audit-read", "note.export", "client.erase", "access-log.read");

    static AccessLog of(Section<Entry> entries, Map<UUID, String> therapists, Viewer viewer) {
        return new AccessLog(entries.items().stream().map(entry -> new Line(viewer.dateTime(entry.at()),
                entry.you() ? "you" : role(entry.actorRole()),
                entry.actorId() == null ? "" : therapists.getOrDefault(entry.actorId(), ""),
                KNOWN_ACTIVITIES.contains(entry.activity()) ? entry.activity() : "other",
                "success".equals(entry.outcome()) ? "success" : "refused")).toList(), entries.unavailable());
    }

    private static String role(String role) {
        return switch (role == null ? "" : role) {
            case "therapist", "operator", "system" -> role;
            default -> "other";
        };
    }
}
