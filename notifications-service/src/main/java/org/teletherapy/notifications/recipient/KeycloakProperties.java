package org.teletherapy.notifications.recipient;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How the service reaches Keycloak's admin API: as the {@code notifications-service} client's service account, which
 * may view users and nothing else.
 *
 * @param cacheFor how long an address is reused before it is looked up again: short, so a changed address or an
 *                 erased account stops receiving mail within a minute
 */
@ConfigurationProperties("teletherapy.notifications.keycloak")
record KeycloakProperties(@DefaultValue("http://127.0.0.1:8180") String url,
                          @DefaultValue("teletherapy") String realm,
                          @DefaultValue("notifications-service") String clientId,
                          String clientSecret,
                          @DefaultValue("3s") Duration connectTimeout,
                          @DefaultValue("10s") Duration readTimeout,
                          @DefaultValue("60s") Duration cacheFor) {
}
