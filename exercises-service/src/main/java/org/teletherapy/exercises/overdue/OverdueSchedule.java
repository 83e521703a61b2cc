package org.teletherapy.exercises.overdue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** Runs the sweep every {@code teletherapy.exercises.overdue.interval} on every instance. */
@Component
@ConditionalOnProperty(name = "teletherapy.exercises.overdue.enabled", matchIfMissing = true)
class OverdueSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OverdueSchedule.class);

    private final OverdueSweep sweep;
    private final OverdueProperties properties;

    OverdueSchedule(OverdueSweep sweep, OverdueProperties properties) {
        this.sweep = sweep;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::runOnce, properties.interval());
    }

    private void runOnce() {
        try {
            sweep.run().block(Duration.ofMinutes(5));
        } catch (RuntimeException e) {
            // The next run picks up where this one failed; nothing was announced for an uncommitted batch.
            log.warn("overdue sweep failed: {}", e.getClass().getSimpleName(), e);
        }
    }
}
