package org.teletherapy.exercises.figures;

import org.springframework.stereotype.Service;
import org.teletherapy.exercises.assignment.Assignments;
import org.teletherapy.exercises.safety.SafetyAlerts;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Counts over the whole service, from the database: the same for every instance, and for the API and the gauges. */
@Service
class ExerciseFigures {

    static final String[] STATUSES = {"assigned", "in-progress", "submitted", "reviewed", "overdue", "withdrawn"};

    private final Assignments assignments;
    private final SafetyAlerts alerts;

    ExerciseFigures(Assignments assignments, SafetyAlerts alerts) {
        this.assignments = assignments;
        this.alerts = alerts;
    }

    Mono<Figures.Homework> homework() {
        return assignments.countByStatus()
                .map(counts -> {
                    Map<String, Long> byStatus = new LinkedHashMap<>();
                    Arrays.stream(STATUSES).forEach(status -> byStatus.put(status, counts.getOrDefault(status, 0L)));
                    long done = byStatus.get("submitted") + byStatus.get("reviewed");
                    long due = done + byStatus.get("overdue");
                    return new Figures.Homework(byStatus, byStatus.values().stream().mapToLong(Long::longValue).sum(),
                            byStatus.get("overdue"), due == 0 ? null : (double) done / due);
                });
    }

    Mono<Figures.Safety> safety() {
        return alerts.figures().map(alert -> new Figures.Safety(alert.open(), alert.acknowledged(),
                alert.oldestOpenSeconds(), alert.medianSecondsToAcknowledge(), alert.p90SecondsToAcknowledge()));
    }
}
