package org.teletherapy.service;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.teletherapy.service.observability.PathSecretsObservationFilter;
import org.teletherapy.service.problem.ApiExceptionHandler;
import org.teletherapy.service.problem.LastResortErrorHandler;
import org.teletherapy.service.web.RequestIdWebFilter;

/** Problem details, request ids and privacy-safe spans for every service, without any code in the service. */
@AutoConfiguration
public class ServiceSupportAutoConfiguration {

    @Bean
    ApiExceptionHandler apiExceptionHandler() {
        return new ApiExceptionHandler();
    }

    @Bean
    LastResortErrorHandler lastResortErrorHandler() {
        return new LastResortErrorHandler();
    }

    @Bean
    PathSecretsObservationFilter pathSecretsObservationFilter() {
        return new PathSecretsObservationFilter();
    }

    @Bean
    RequestIdWebFilter requestIdWebFilter() {
        return new RequestIdWebFilter();
    }
}
