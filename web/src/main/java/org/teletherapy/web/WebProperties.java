package org.teletherapy.web;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;

/**
 * What the web app needs to know of the platform.
 *
 * @param apiUri       where the API is (the gateway), called with the signed-in user's token
 * @param issuerUri    the Keycloak realm users sign in with, as browsers reach it
 * @param backChannelUri the same realm as this server reaches it (tokens, keys), when that address differs, e.g.
 *                     inside a container network; the issuer's address otherwise
 * @param clientId     the realm's confidential browser client
 * @param clientSecret its secret, from the environment
 * @param defaultTimeZone the time zone for pages until the browser has told its own
 * @param apiTimeout   how long a page waits for an API answer before it shows that part as unavailable; longer than
 *                     the gateway's own timeout, so that its answer (a problem detail) normally comes first
 */
@ConfigurationProperties("teletherapy.web")
public record WebProperties(@DefaultValue("http://127.0.0.1:8080") URI apiUri,
                            @DefaultValue("http://localhost:8180/realms/teletherapy") String issuerUri,
                            @Nullable String backChannelUri,
                            @DefaultValue("teletherapy-gateway") String clientId,
                            String clientSecret,
                            @DefaultValue("UTC") ZoneId defaultTimeZone,
                            @DefaultValue("12s") Duration apiTimeout) {

    public String realmFromServer() {
        return backChannelUri == null || backChannelUri.isBlank() ? issuerUri : backChannelUri;
    }
}
