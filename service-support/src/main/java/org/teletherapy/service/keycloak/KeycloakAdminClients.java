package org.teletherapy.service.keycloak;

import org.jboss.resteasy.client.jaxrs.internal.ResteasyClientBuilderImpl;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A keycloak-admin-client signed in as a service's own client (client credentials), with timeouts so that a Keycloak
 * that hangs does not hang the caller. For services that bring keycloak-admin-client themselves (it is optional here).
 */
public final class KeycloakAdminClients {

    private KeycloakAdminClients() {
    }

    public static Keycloak serviceAccount(String url, String realm, String clientId, String clientSecret,
                                          Duration connectTimeout, Duration readTimeout) {
        return KeycloakBuilder.builder()
                .serverUrl(url)
                .realm(realm)
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS)
                .clientId(clientId)
                .clientSecret(clientSecret)
                .resteasyClient(new ResteasyClientBuilderImpl()
                        .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                        .connectionPoolSize(10)
                        .build())
                .build();
    }
}
