package org.teletherapy.gateway.docs;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.net.URI;
import java.util.Map;

/**
 * The services whose OpenAPI documents the gateway passes on.
 *
 * @param services by name: where the service is; its {@code /v3/api-docs} is served as {@code /v3/api-docs/<name>}
 *                 and listed in the explorer at {@code /api/docs}, in this order
 */
@ConfigurationProperties("teletherapy.api-docs")
record ApiDocsProperties(Map<String, URI> services) {

    ApiDocsProperties {
        services = services == null ? Map.of() : services;
    }
}
