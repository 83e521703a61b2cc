package org.teletherapy.testsupport;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

import java.util.HashMap;
import java.util.Map;

/**
 * Points a Spring Boot application under test at the shared real components: its own database (named after
 * {@code spring.application.name} without {@code -service}), the Kafka broker (if the application uses Kafka),
 * Keycloak's demo realm (if it checks tokens) and the test mail server (if it sends mail). Components the
 * application does not use are not started.
 */
public final class RealInfrastructureInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        Infrastructure infrastructure = Infrastructure.shared();
        Map<String, Object> properties = new HashMap<>();

        String application = environment.getProperty("spring.application.name", "");
        if (application.endsWith("-service")) {
            Infrastructure.DatabaseEndpoint database = infrastructure.database(application.replace("-service", "").replace('-', '_'));
            properties.put("spring.r2dbc.url", database.r2dbcUrl());
            properties.put("spring.r2dbc.username", database.username());
            properties.put("spring.r2dbc.password", database.password());
            properties.put("spring.flyway.url", database.jdbcUrl());
            properties.put("spring.flyway.user", database.username());
            properties.put("spring.flyway.password", database.password());
        }
        if (ClassUtils.isPresent("org.springframework.kafka.core.KafkaTemplate", context.getClassLoader())) {
            properties.put("spring.kafka.bootstrap-servers", infrastructure.kafka().bootstrapServers());
        }

        if (ClassUtils.isPresent("org.springframework.security.oauth2.jwt.ReactiveJwtDecoder", context.getClassLoader())) {
            KeycloakEndpoint keycloak = infrastructure.keycloak();
            properties.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", keycloak.issuer());
            properties.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", keycloak.jwkSetUri());
            properties.put("teletherapy.keycloak.url", keycloak.internalUrl());
            properties.put("teletherapy.keycloak.client-secret", keycloak.sessionsServiceSecret());
            if (keycloak.notificationsServiceSecret() != null) {
                properties.put("teletherapy.notifications.keycloak.client-secret", keycloak.notificationsServiceSecret());
            }
        }
        if (ClassUtils.isPresent("org.springframework.mail.javamail.JavaMailSender", context.getClassLoader())) {
            properties.put("spring.mail.host", "127.0.0.1");
            properties.put("spring.mail.port", TestMail.shared().smtpPort());
        }

        environment.getPropertySources().addFirst(new MapPropertySource("realInfrastructure", properties));
    }
}
