package org.teletherapy.sessions.erasure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The erasure saga's step runner.
 *
 * @param schedule   whether this instance runs the steps on its own (every instance may: rows are claimed)
 * @param interval   pause between runs when nothing is due
 * @param batchSize  erasures claimed per run
 * @param lease      how long a claimed erasure is this instance's; an instance that died loses it after this
 * @param firstRetry the pause after a step first failed (Keycloak away), doubling up to {@code maxRetry}
 * @param maxRetry   the longest pause between attempts: a step is tried again until it succeeds
 */
@ConfigurationProperties("teletherapy.sessions.erasure")
record ErasureProperties(@DefaultValue("true") boolean schedule, @DefaultValue("2s") Duration interval,
                         @DefaultValue("20") int batchSize, @DefaultValue("2m") Duration lease,
                         @DefaultValue("2s") Duration firstRetry, @DefaultValue("5m") Duration maxRetry) {

    /** The pause after the {@code attempts}-th failed attempt of a step. */
    Duration backoff(int attempts) {
        long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
        Duration pause = firstRetry.multipliedBy(factor);
        return pause.compareTo(maxRetry) > 0 ? maxRetry : pause;
    }
}
