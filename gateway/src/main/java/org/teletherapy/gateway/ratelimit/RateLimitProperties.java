package org.teletherapy.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many requests one caller may send through this gateway instance.
 *
 * @param enabled           off only for load tests that use a single caller on purpose
 * @param requestsPerSecond the sustained rate a caller may keep up
 * @param burst             how many requests a caller may send at once after a quiet moment
 */
@ConfigurationProperties("teletherapy.gateway.rate-limit")
record RateLimitProperties(@DefaultValue("true") boolean enabled,
                           @DefaultValue("20") double requestsPerSecond,
                           @DefaultValue("60") int burst) {
}
