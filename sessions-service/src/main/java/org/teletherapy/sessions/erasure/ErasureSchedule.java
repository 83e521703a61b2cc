package org.teletherapy.sessions.erasure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import java.time.Duration;

/** Runs the due erasure steps every {@code teletherapy.sessions.erasure.interval} on every instance. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "teletherapy.sessions.erasure.schedule", matchIfMissing = true)
class ErasureSchedule implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(ErasureSchedule.class);

    private final ErasureRunner runner;
    private final ErasureProperties properties;

    ErasureSchedule(ErasureRunner runner, ErasureProperties properties) {
        this.runner = runner;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::runOnce, properties.interval());
    }

    private void runOnce() {
        try {
            runner.runDue().block(Duration.ofMinutes(5));
        } catch (RuntimeException e) {
            // Each failed step is recorded and retried on its own; this is the database being away.
            log.warn("erasure steps could not run: {}", e.getClass().getSimpleName(), e);
        }
    }
}
