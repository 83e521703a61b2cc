package org.teletherapy.service.ops;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * {@code GET /api/v1/ops/status} in every service, for operators. The gateway turns it off
 * ({@code teletherapy.ops.status.enabled=false}): it answers the platform's overview instead.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnProperty(name = "teletherapy.ops.status.enabled", matchIfMissing = true)
public class OpsStatusAutoConfiguration {

    @Bean
    OpsStatusController opsStatusController(Environment environment,
                                            ObjectProvider<ReactiveHealthContributorRegistry> reactiveHealth,
                                            ObjectProvider<HealthContributorRegistry> health,
                                            ObjectProvider<OpsFiguresContributor> contributors) {
        return new OpsStatusController(environment.getRequiredProperty("spring.application.name"), reactiveHealth,
                health, contributors.orderedStream().toList());
    }
}
