package org.teletherapy.service.security;

import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import java.time.Clock;
import java.time.Duration;

/**
 * Wraps whatever token decoder the resource server was given (Boot's, configured from the issuer and the JWK set)
 * in a {@link VerifiedTokenCache}, so every service and the gateway verify a token once rather than on every
 * request. {@code teletherapy.security.verified-tokens.enabled=false} turns it off; {@code .maximum-size} (default
 * 10,000 tokens, a few MB) and {@code .maximum-age} (default 5 minutes, Keycloak's token lifespan) bound it.
 */
@AutoConfiguration
@ConditionalOnClass(ReactiveJwtDecoder.class)
@ConditionalOnProperty(name = "teletherapy.security.verified-tokens.enabled", havingValue = "true", matchIfMissing = true)
public class VerifiedTokenCacheConfiguration {

    // Static: a post-processor must exist before the beans it processes, and needs nothing from this class.
    @Bean
    static BeanPostProcessor verifiedTokenCacheWrapper(Environment environment) {
        Binder binder = Binder.get(environment);
        long maximumSize = binder.bind("teletherapy.security.verified-tokens.maximum-size", Long.class).orElse(10_000L);
        Duration maximumAge = binder.bind("teletherapy.security.verified-tokens.maximum-age", Duration.class)
                .orElse(Duration.ofMinutes(5));
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof ReactiveJwtDecoder decoder && !(bean instanceof VerifiedTokenCache)
                        ? new VerifiedTokenCache(decoder, maximumSize, maximumAge, Clock.systemUTC())
                        : bean;
            }
        };
    }

    @Bean
    MeterBinder verifiedTokenCacheMetrics(ObjectProvider<ReactiveJwtDecoder> decoders) {
        return registry -> decoders.orderedStream()
                .filter(VerifiedTokenCache.class::isInstance)
                .forEach(cache -> ((VerifiedTokenCache) cache).bindTo(registry));
    }
}
