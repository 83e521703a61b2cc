package org.teletherapy.sessions.onboarding;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the service reaches Keycloak's admin API: as the {@code sessions-service} client's service account, which may
 * manage users and nothing else.
 */
@ConfigurationProperties("teletherapy.keycloak")
record KeycloakProperties(@DefaultValue("http://127.0.0.1:8180") String url,
                          @DefaultValue("teletherapy") String realm,
                          @DefaultValue("sessions-service") String clientId,
                          String clientSecret,
                          @DefaultValue("3s") Duration connectTimeout,
                          @DefaultValue("10s") Duration readTimeout) {
}
