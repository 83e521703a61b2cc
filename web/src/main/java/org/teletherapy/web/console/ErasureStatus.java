package org.teletherapy.web.console;

import org.teletherapy.web.page.Viewer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An erasure as its status page shows it: the whole and each part, as codes the page words in the operator's
 * language. The client's id is not among them (see {@link ErasuresController}).
 *
 * @param state {@code in-progress}, {@code done}, {@code done-with-refusals}; {@code unknown} for no such erasure,
 *              {@code unavailable} when sessions-service does not answer
 */
public record ErasureStatus(String state, String reason, String reference, String requested, String completed,
                            List<Part> parts) {

    /** The parts in the order the saga goes through them. */
    static final List<String> PARTS = List.of("sessions", "notes", "exercises", "notifications");

    /** What sessions-service answers, as far as this page reads it. */
    public record Answer(String id, String status, String reason, String reference, Instant requestedAt,
                         Instant completedAt, Map<String, PartAnswer> parts) {
    }

    public record PartAnswer(String status, String reasonCode, Instant answeredAt, String step, Integer attempts,
                             String problem) {
    }

    /**
     * @param reasonCode why a refused part was refused ({@code retention-period})
     * @param step       where a pending sessions part is, and {@code problem} why its last attempt failed
     */
    public record Part(String name, String status, String reasonCode, String answered, String step, Integer attempts,
                       String problem) {
    }

    static ErasureStatus of(Answer answer, Viewer viewer) {
        List<Part> parts = new ArrayList<>();
        Map<String, PartAnswer> answered = answer.parts() == null ? Map.of() : answer.parts();
        for (String name : PARTS) {
            PartAnswer part = answered.get(name);
            if (part != null) {
                parts.add(new Part(name, part.status(), part.reasonCode(),
                        part.answeredAt() == null ? null : viewer.dateTime(part.answeredAt()), part.step(),
                        part.attempts(), part.problem()));
            }
        }
        return new ErasureStatus(answer.status(), answer.reason(), answer.reference(),
                answer.requestedAt() == null ? null : viewer.dateTime(answer.requestedAt()),
                answer.completedAt() == null ? null : viewer.dateTime(answer.completedAt()), parts);
    }

    static ErasureStatus unknown() {
        return new ErasureStatus("unknown", null, null, null, null, List.of());
    }

    static ErasureStatus unavailable() {
        return new ErasureStatus("unavailable", null, null, null, null, List.of());
    }

    public boolean inProgress() {
        return "in-progress".equals(state);
    }

    public boolean found() {
        return !"unknown".equals(state) && !"unavailable".equals(state);
    }
}
