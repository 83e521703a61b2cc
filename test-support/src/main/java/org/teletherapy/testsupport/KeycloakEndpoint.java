package org.teletherapy.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A running Keycloak with the demo realm {@code teletherapy}; hands out real tokens for the demo users. */
public final class KeycloakEndpoint {

    public static final String REALM = "teletherapy";
    public static final String DEMO_PASSWORD = "demo";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String url;
    private final String internalUrl;
    private final String sessionsServiceSecret;
    private final String notificationsServiceSecret;

    /** For a Keycloak started elsewhere, e.g. by the devstack's platform in system tests. */
    public static KeycloakEndpoint at(String url, String internalUrl, String sessionsServiceSecret) {
        return new KeycloakEndpoint(url, internalUrl, sessionsServiceSecret, null);
    }

    KeycloakEndpoint(String url, String internalUrl, String sessionsServiceSecret, String notificationsServiceSecret) {
        this.url = url;
        this.internalUrl = internalUrl;
        this.sessionsServiceSecret = sessionsServiceSecret;
        this.notificationsServiceSecret = notificationsServiceSecret;
    }

    /** Base URL as clients see it; the tokens' issuer is this plus {@code /realms/teletherapy}. */
    public String url() {
        return url;
    }

    public String internalUrl() {
        return internalUrl;
    }

    public String issuer() {
        return url + "/realms/" + REALM;
    }

    public String jwkSetUri() {
        return internalUrl + "/realms/" + REALM + "/protocol/openid-connect/certs";
    }

    /** The secret of the {@code sessions-service} client, whose service account manages users. */
    public String sessionsServiceSecret() {
        return sessionsServiceSecret;
    }

    /** The secret of the {@code notifications-service} client, whose service account may only view users. */
    public String notificationsServiceSecret() {
        return notificationsServiceSecret;
    }

    /** A fresh access token for a demo user (password {@code demo}) through the public {@code teletherapy-cli} client. */
    public String accessToken(String username) {
        return accessToken(username, DEMO_PASSWORD);
    }

    public String accessToken(String username, String password) {
        HttpResponse<String> response = passwordGrant(username, password);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("Keycloak refused a token for " + username + ": " + response.statusCode()
                    + " " + response.body());
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            return body.get("access_token").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The raw token endpoint answer, for tests that expect a refusal. */
    public HttpResponse<String> passwordGrant(String username, String password) {
        String form = "grant_type=password&client_id=teletherapy-cli&username=" + encode(username)
                + "&password=" + encode(password);
        HttpRequest request = HttpRequest.newBuilder(URI.create(internalUrl + "/realms/" + REALM + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
