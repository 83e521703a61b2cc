package org.teletherapy.service;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.teletherapy.service.fhir.FhirExceptionHandler;
import org.teletherapy.service.fhir.FhirProperties;
import org.teletherapy.service.observability.PathSecretsObservationFilter;
import org.teletherapy.service.input.StrictJson;
import org.teletherapy.service.input.StrictParameterConversions;
import org.teletherapy.service.problem.ApiExceptionHandler;
import org.teletherapy.service.problem.DecodingFailureProblems;
import org.teletherapy.service.problem.LastResortErrorHandler;
import org.teletherapy.service.problem.RejectedRequestProblems;
import org.teletherapy.service.web.RequestIdWebFilter;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;

/** Problem details, request ids and privacy-safe spans for every service, without any code in the service. */
@AutoConfiguration
@EnableConfigurationProperties(FhirProperties.class)
public class ServiceSupportAutoConfiguration {

    /**
     * The one source of "now" for rules, records and events' {@code occurredAt}: inject it instead of calling
     * {@code Instant.now()}, so that a test can run any of them at a chosen time by declaring its own {@code Clock}.
     */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ApiExceptionHandler apiExceptionHandler(ObjectProvider<JsonMapper> json) {
        return new ApiExceptionHandler(json.getIfAvailable(JsonMapper::new));
    }

    /** Strict JSON input for the application's mapper, and so for the WebFlux codecs. */
    @Bean
    JsonMapperBuilderCustomizer strictJsonInput() {
        return StrictJson::configure;
    }

    /** Errors of FHIR endpoints as OperationOutcomes; the problem itself is still decided by the handler above. */
    @Bean
    FhirExceptionHandler fhirExceptionHandler(ApiExceptionHandler problems) {
        return new FhirExceptionHandler(problems);
    }

    @Bean
    StrictParameterConversions strictParameterConversions() {
        return new StrictParameterConversions();
    }

    @Bean
    RejectedRequestProblems rejectedRequestProblems() {
        return new RejectedRequestProblems();
    }

    @Bean
    DecodingFailureProblems decodingFailureProblems() {
        return new DecodingFailureProblems();
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
