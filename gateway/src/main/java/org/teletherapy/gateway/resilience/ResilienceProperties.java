package org.teletherapy.gateway.resilience;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How long the gateway waits for a service, and when it stops trying for a while.
 *
 * @param timeout           a service that has not answered by then gets a 504 for the caller
 * @param failureRateThreshold percentage of failed calls that opens a service's circuit
 * @param openFor           how long an open circuit answers 503 at once before trying again
 */
@ConfigurationProperties("teletherapy.gateway.resilience")
record ResilienceProperties(@DefaultValue("10s") Duration timeout,
                            @DefaultValue("50") float failureRateThreshold,
                            @DefaultValue("10s") Duration openFor) {
}
