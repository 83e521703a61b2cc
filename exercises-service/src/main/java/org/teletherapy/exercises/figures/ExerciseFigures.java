package org.teletherapy.exercises.figures;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Counts over the whole service, from the database: the same for every instance, and for the API and the gauges. */
@Service
class ExerciseFigures {

    static final String[] STATUSES = {"assigned", "in-progress", "submitted", "reviewed", "overdue", "withdrawn"};

    private final DatabaseClient database;

    ExerciseFigures(DatabaseClient database) {
        this.database = database;
    }

    Mono<Figures.Homework> homework() {
        return database.sql("select status, count(*) as n from assignment group by status")
                .map(row -> Map.entry(row.get("status", String.class), row.get("n", Long.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
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
        return database.sql("""
                        select count(*) filter (where acknowledged_at is null) as open,
                               count(*) filter (where acknowledged_at is not null) as acknowledged,
                               coalesce(extract(epoch from now() - min(raised_at) filter (where acknowledged_at is null)), 0)::bigint
                                   as oldest_open_seconds,
                               percentile_cont(0.5) within group (order by extract(epoch from acknowledged_at - raised_at))
                                   as median_seconds,
                               percentile_cont(0.9) within group (order by extract(epoch from acknowledged_at - raised_at))
                                   as p90_seconds
                          from safety_alert""")
                .map(row -> new Figures.Safety(row.get("open", Long.class), row.get("acknowledged", Long.class),
                        row.get("oldest_open_seconds", Long.class), row.get("median_seconds", Double.class),
                        row.get("p90_seconds", Double.class)))
                .one();
    }
}
