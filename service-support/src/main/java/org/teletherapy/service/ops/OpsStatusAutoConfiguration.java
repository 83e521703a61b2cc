package org.teletherapy.service.ops;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.teletherapy.service.ApplicationName;

/**
 * {@code GET /api/v1/ops/status} in every service, for operators: how the service and the components it owns (its
 * database, Kafka) are doing, and its figures. Only an application with a database of its own is such a service; the
 * gateway and the web app have none and get none of this (the gateway answers the platform's overview instead).
 */
@AutoConfiguration(afterName = "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnBean(type = "io.r2dbc.spi.ConnectionFactory")
public class OpsStatusAutoConfiguration {

    @Bean
    OpsStatusController opsStatusController(Environment environment,
                                            ObjectProvider<ReactiveHealthContributorRegistry> reactiveHealth,
                                            ObjectProvider<HealthContributorRegistry> health,
                                            ObjectProvider<OpsFiguresContributor> contributors) {
        return new OpsStatusController(ApplicationName.of(environment), reactiveHealth,
                health, contributors.orderedStream().toList());
    }
}
