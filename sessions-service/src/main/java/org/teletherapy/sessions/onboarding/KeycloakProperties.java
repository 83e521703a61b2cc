package org.teletherapy.sessions.onboarding;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the service reaches Keycloak's admin API: as the {@code sessions-service} client's service account, which may
 * manage users and nothing else.
 *
 * @param invitationRedirectUri where Keycloak's invitation mail leads once the password is set (the web app; it must
 *                              be a redirect address of {@code invitationClientId})
 */
@ConfigurationProperties("teletherapy.keycloak")
public record KeycloakProperties(@DefaultValue("http://127.0.0.1:8180") String url,
                          @DefaultValue("teletherapy") String realm,
                          @DefaultValue("sessions-service") String clientId,
                          String clientSecret,
                          @DefaultValue("3s") Duration connectTimeout,
                          @DefaultValue("10s") Duration readTimeout,
                          @DefaultValue("teletherapy-gateway") String invitationClientId,
                          @DefaultValue("http://localhost:8080/") String invitationRedirectUri,
                          @DefaultValue("72h") Duration invitationLifespan) {
}
