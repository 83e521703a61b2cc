package org.teletherapy.exercises.figures;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Business gauges operators watch, re-counted from the database now and then: assignments per state, the completion
 * rate, overdue homework, open safety alerts and how long the oldest has waited. Every instance reports the same
 * values (take the max across instances, not the sum).
 */
@Component
class FiguresGauges implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(FiguresGauges.class);

    private final ExerciseFigures figures;
    private final FiguresProperties properties;
    private final Map<String, AtomicLong> byStatus = new ConcurrentHashMap<>();
    private final AtomicReference<Double> completionRate = new AtomicReference<>(Double.NaN);
    private final AtomicLong openAlerts = new AtomicLong();
    private final AtomicLong oldestOpenAlertSeconds = new AtomicLong();

    FiguresGauges(ExerciseFigures figures, FiguresProperties properties, MeterRegistry meters) {
        this.figures = figures;
        this.properties = properties;
        for (String status : ExerciseFigures.STATUSES) {
            AtomicLong count = byStatus.computeIfAbsent(status, s -> new AtomicLong());
            Gauge.builder("teletherapy.exercises.assignments", count, AtomicLong::get)
                    .description("Assignments in each state").tag("status", status).register(meters);
        }
        Gauge.builder("teletherapy.exercises.completion.rate", completionRate, AtomicReference::get)
                .description("Handed-in share of the assignments that are handed in or overdue").register(meters);
        Gauge.builder("teletherapy.safety.alerts.open", openAlerts, AtomicLong::get)
                .description("Safety alerts no therapist has acknowledged yet").register(meters);
        Gauge.builder("teletherapy.safety.alerts.oldest.open.age", oldestOpenAlertSeconds, AtomicLong::get)
                .description("How long the longest-waiting open safety alert has waited").baseUnit("seconds").register(meters);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::refreshQuietly, properties.refreshInterval());
    }

    /** Re-counts now. */
    void refresh() {
        figures.homework().doOnNext(homework -> {
            homework.byStatus().forEach((status, count) -> byStatus.get(status).set(count));
            completionRate.set(homework.completionRate() == null ? Double.NaN : homework.completionRate());
        }).then(figures.safety().doOnNext(safety -> {
            openAlerts.set(safety.open());
            oldestOpenAlertSeconds.set(safety.oldestOpenSeconds());
        })).block(Duration.ofSeconds(30));
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            log.warn("could not refresh the exercise figures: {}", e.getClass().getSimpleName());
        }
    }
}
