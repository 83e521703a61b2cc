package org.teletherapy.gateway.ratelimit;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    @ConditionalOnProperty(name = "teletherapy.gateway.rate-limit.enabled", matchIfMissing = true)
    RateLimitWebFilter rateLimitWebFilter(RateLimitProperties properties, MeterRegistry meters) {
        return new RateLimitWebFilter(properties, meters);
    }
}
