package org.teletherapy.exercises.overdue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param enabled   whether this instance runs the overdue job (every instance may: they never announce twice)
 * @param interval  pause between runs; an assignment is marked overdue at most this long after its due time
 * @param batchSize assignments moved per transaction
 */
@ConfigurationProperties("teletherapy.exercises.overdue")
record OverdueProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1m") Duration interval,
                         @DefaultValue("200") int batchSize) {
}
