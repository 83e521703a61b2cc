package org.teletherapy.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.devstack.Platform;
import org.teletherapy.devstack.Progress;
import org.teletherapy.devstack.Secrets;
import org.teletherapy.devstack.Workspace;
import org.teletherapy.testsupport.KeycloakEndpoint;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The whole platform, started by the devstack's own code on free ports, used only through the gateway with real
 * tokens from Keycloak.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlatformTest {

    static Platform platform;
    static WebTestClient gateway;
    static KeycloakEndpoint keycloak;

    @BeforeAll
    static void startThePlatform() {
        Secrets secrets = Secrets.random();
        platform = Platform.start(new Platform.Options(Workspace.detect(), Platform.PortPlan.free(), null,
                Path.of("target", "platform-logs").toAbsolutePath(), secrets, new Progress(),
                List.of("-XX:+UseSerialGC", "-Xmx192m", "-XX:TieredStopAtLevel=1"), false));
        gateway = WebTestClient.bindToServer().baseUrl(platform.gatewayUrl()).responseTimeout(Duration.ofSeconds(30)).build();
        keycloak = KeycloakEndpoint.at(platform.keycloak().url(), platform.keycloak().internalUrl(),
                secrets.get("client.sessions-service"));
    }

    @AfterAll
    static void stopThePlatform() {
        if (platform != null) {
            platform.close();
        }
    }

    @Test
    @Order(1)
    void withoutATokenTheGatewayAnswersAnUnauthorizedProblem() {
        gateway.get().uri("/api/v1/sessions").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401);
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @Order(2)
    @CsvSource({
            "client1,    /api/v1/sessions,    200",
            "client1,    /api/v1/assignments, 200",
            "client1,    /api/v1/notes,       403",
            "therapist1, /api/v1/sessions,    200",
            "therapist1, /api/v1/notes,       200",
            "therapist1, /api/v1/assignments, 200",
            "operator1,  /api/v1/sessions,    403",
            "operator1,  /api/v1/notes,       403",
            "operator1,  /api/v1/assignments, 403",
    })
    void eachRoleReachesWhatItShouldThroughTheGateway(String user, String path, int status) {
        var response = gateway.get().uri(path).headers(h -> h.setBearerAuth(keycloak.accessToken(user))).exchange()
                .expectStatus().isEqualTo(status)
                .expectHeader().exists("X-Request-Id");
        if (status != 200) {
            response.expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    @Order(3)
    void theDemoRosterAndAPrivateCalendarFeedWorkThroughTheGateway() {
        String token = keycloak.accessToken("client1");
        gateway.get().uri("/api/v1/care-team").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].therapistId").isEqualTo("2f1d5a0e-6b0a-4c1e-9a51-000000000101");
        String feed = (String) gateway.post().uri("/api/v1/calendar/feed").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isCreated().expectBody(java.util.Map.class).returnResult().getResponseBody().get("url");
        // Calendar apps poll without a bearer token: the gateway lets the feed through, the service checks its secret.
        gateway.get().uri(feed).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/calendar");
        gateway.get().uri("/api/v1/calendar/feeds/not-a-real-token.ics").exchange().expectStatus().isNotFound();
    }

    @Test
    @Order(4)
    void aStoppedServiceGivesAServiceUnavailableProblemFromTheGateway() {
        platform.stopApp(Platform.App.NOTES);
        gateway.get().uri("/api/v1/notes").headers(h -> h.setBearerAuth(keycloak.accessToken("therapist1"))).exchange()
                .expectStatus().isEqualTo(503)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.service").isEqualTo("notes-service");
        // The other services are unaffected.
        gateway.get().uri("/api/v1/sessions").headers(h -> h.setBearerAuth(keycloak.accessToken("therapist1"))).exchange()
                .expectStatus().isOk();
    }
}
