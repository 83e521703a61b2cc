package org.teletherapy.service.fhir;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param baseUrl the FHIR base as callers see it (through the gateway), for Bundle entries' {@code fullUrl} and
 *                links; one value for every service, since the gateway puts them all under one base
 */
@ConfigurationProperties("teletherapy.fhir")
public record FhirProperties(@DefaultValue("http://localhost:8080/fhir/r4") String baseUrl) {

    public FhirProperties {
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
