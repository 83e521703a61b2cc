package org.teletherapy.service.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.SpecVersion;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.teletherapy.service.ApplicationName;

import java.util.List;

/**
 * Each application's OpenAPI 3.1 document at {@code /v3/api-docs}: schemas from springdoc, and from the handlers'
 * own annotations the roles that may call an operation and the problem details it answers.
 */
@AutoConfiguration
@ConditionalOnClass(OperationCustomizer.class)
public class OpenApiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    OpenAPI teletherapyOpenApi(Environment environment, ObjectProvider<BuildProperties> build) {
        String name = ApplicationName.of(environment);
        BuildProperties properties = build.getIfAvailable();
        return new OpenAPI(SpecVersion.V31)
                .info(new Info().title(name).version(properties == null ? "dev" : properties.getVersion())
                        .description("Errors are RFC 9457 problem details (application/problem+json) whose type is "
                                + "urn:teletherapy:problem:<kind>; each operation lists the kinds it can answer."))
                // Relative, so the explorer calls through the gateway that served the document, not the service.
                .servers(List.of(new Server().url("/")));
    }

    @Bean
    OperationCustomizer teletherapyProblemResponses() {
        return new ProblemResponsesCustomizer();
    }

    @Bean
    OpenApiCustomizer teletherapyComponents() {
        return openApi -> {
            Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
            components.addSecuritySchemes(ProblemResponsesCustomizer.BEARER_SCHEME, new SecurityScheme()
                    .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                    .description("An access token of the Keycloak realm teletherapy for the audience teletherapy-api."));
            components.addSchemas(ProblemResponsesCustomizer.PROBLEM_SCHEMA, problemDetail());
            openApi.setComponents(components);
        };
    }

    private static Schema<?> problemDetail() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().description("JSON path of the field"))
                .addProperty("code", new StringSchema())
                .addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem detail")
                .addProperty("type", new StringSchema().format("uri").example("urn:teletherapy:problem:validation"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("errors", new ArraySchema().items(fieldError).description("The fields that were wrong"))
                .required(List.of("type", "title", "status"));
    }
}
