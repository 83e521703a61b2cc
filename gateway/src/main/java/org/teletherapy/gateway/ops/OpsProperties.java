package org.teletherapy.gateway.ops;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * The operator overview's checks.
 *
 * @param keycloakHealthUri answers 2xx while Keycloak works: the realm's signing keys by default (application.yml);
 *                          Keycloak's management {@code /health/ready} where that port is reachable
 * @param timeout           how long the overview waits for each service and for Keycloak before calling it DOWN
 */
@ConfigurationProperties("teletherapy.ops")
record OpsProperties(URI keycloakHealthUri, @DefaultValue("2s") Duration timeout) {
}
