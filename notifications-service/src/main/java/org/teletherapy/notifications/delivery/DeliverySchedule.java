package org.teletherapy.notifications.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** Runs the worker every {@code teletherapy.notifications.delivery.poll-interval} on every instance. */
@Component
@ConditionalOnProperty(name = "teletherapy.notifications.delivery.enabled", matchIfMissing = true)
class DeliverySchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(DeliverySchedule.class);

    private final DeliveryWorker worker;
    private final DeliveryProperties properties;

    DeliverySchedule(DeliveryWorker worker, DeliveryProperties properties) {
        this.worker = worker;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::runOnce, properties.pollInterval());
    }

    private void runOnce() {
        try {
            worker.run().block(Duration.ofMinutes(5));
        } catch (RuntimeException e) {
            // Claimed rows come back after their lease; nothing is lost by a failed run.
            log.warn("delivery run failed: {}", e.getClass().getSimpleName(), e);
        }
    }
}
