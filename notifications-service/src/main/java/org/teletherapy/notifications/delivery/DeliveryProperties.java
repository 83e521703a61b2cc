package org.teletherapy.notifications.delivery;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How messages are sent.
 *
 * @param enabled      whether this instance sends (tests drive the worker themselves where it matters)
 * @param lease        how long a claimed message is this instance's: if it dies while sending, another instance
 *                     takes the message over after this long
 * @param firstRetry   the pause after the first transient failure, doubled each time up to {@code maxRetry}
 * @param concurrency  how many claimed messages are checked and composed at once (Keycloak and database lookups)
 * @param connections  how many SMTP connections a batch is sent over, each carrying its share of the batch
 * @param giveUpAfter  how long transient failures (SMTP or Keycloak away) are retried before the message is recorded
 *                     as failed
 */
@ConfigurationProperties("teletherapy.notifications.delivery")
record DeliveryProperties(@DefaultValue("true") boolean enabled,
                          @DefaultValue("1s") Duration pollInterval,
                          @DefaultValue("50") int batchSize,
                          @DefaultValue("2m") Duration lease,
                          @DefaultValue("8") int concurrency,
                          @DefaultValue("4") int connections,
                          @DefaultValue("2s") Duration firstRetry,
                          @DefaultValue("5m") Duration maxRetry,
                          @DefaultValue("2d") Duration giveUpAfter) {

    Duration backoff(int attempts) {
        Duration pause = firstRetry.multipliedBy(1L << Math.min(attempts - 1, 20));
        return pause.compareTo(maxRetry) > 0 ? maxRetry : pause;
    }
}
