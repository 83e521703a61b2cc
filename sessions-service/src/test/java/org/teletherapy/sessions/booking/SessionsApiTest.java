package org.teletherapy.sessions.booking;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.testsupport.DemoUsers;
import org.teletherapy.testsupport.Infrastructure;
import org.teletherapy.testsupport.IntegrationTest;
import org.teletherapy.testsupport.KeycloakEndpoint;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SessionsApiTest {

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    final KeycloakEndpoint keycloak = Infrastructure.shared().keycloak();

    UUID client1Session;
    UUID client3Session;

    @BeforeEach
    void twoSessionsWithDifferentClients() {
        database.sql("delete from idempotency_key").then().block();
        database.sql("delete from session").then().block();
        client1Session = insertSession(DemoUsers.THERAPIST1, DemoUsers.CLIENT1);
        client3Session = insertSession(DemoUsers.THERAPIST2, DemoUsers.CLIENT3);
    }

    @Test
    void withoutATokenTheApiAnswersAnUnauthorizedProblem() {
        web.get().uri("/api/v1/sessions").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals("WWW-Authenticate", "Bearer realm=\"teletherapy\"")
                .expectBody().jsonPath("$.status").isEqualTo(401).jsonPath("$.type").isEqualTo("urn:teletherapy:problem:unauthorized");
    }

    @Test
    void aForgedTokenIsRejected() {
        String token = keycloak.accessToken("client1");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";
        web.get().uri("/api/v1/sessions").headers(h -> h.setBearerAuth(forged)).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aClientSeesOnlyTheirOwnSessions() {
        web.get().uri("/api/v1/sessions").headers(h -> h.setBearerAuth(keycloak.accessToken("client1"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].id").isEqualTo(client1Session.toString())
                .jsonPath("$[0].clientId").isEqualTo(DemoUsers.CLIENT1.toString())
                .jsonPath("$[0].status").isEqualTo("booked");
    }

    @Test
    void aTherapistSeesTheSessionsTheyHold() {
        web.get().uri("/api/v1/sessions").headers(h -> h.setBearerAuth(keycloak.accessToken("therapist2"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].id").isEqualTo(client3Session.toString());
    }

    @Test
    void operatorsDoNotGetPersonalSessionLists() {
        web.get().uri("/api/v1/sessions").headers(h -> h.setBearerAuth(keycloak.accessToken("operator1"))).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(403);
    }

    @Test
    void readinessIsOpenForProbes() {
        web.get().uri("/readyz").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void metricsAreServedOnTheManagementPortOnly(@LocalManagementPort int managementPort) {
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
        web.get().uri("/actuator/health").exchange().expectStatus().isNotFound();
        WebTestClient management = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build();
        // One family of series: the whole scrape is larger than the test client buffers.
        management.get().uri("/actuator/prometheus?includedNames=jvm_memory_used_bytes").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(metrics -> assertThat(metrics).contains("jvm_memory_used_bytes"));
        management.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    }

    @Test
    void readinessFollowsKafkaButLivenessDoesNot() {
        Infrastructure.KafkaEndpoint kafka = Infrastructure.shared().kafka();
        kafka.stop();
        try {
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                    web.get().uri("/readyz").exchange().expectStatus().isEqualTo(503));
            web.get().uri("/livez").exchange().expectStatus().isOk();
        } finally {
            kafka.start();
        }
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                web.get().uri("/readyz").exchange().expectStatus().isOk());
    }

    @Test
    void unknownPathsAnswerWithAProblemNotAStackTrace() {
        web.get().uri("/api/v1/nothing-here").headers(h -> h.setBearerAuth(keycloak.accessToken("client1"))).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.trace").doesNotExist();
    }

    private UUID insertSession(UUID therapist, UUID client) {
        UUID id = UUID.randomUUID();
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        database.sql("insert into session (id, therapist_id, client_id, starts_at, ends_at, blocked_until, status, video_room) "
                        + "values (:id, :therapist, :client, :start, :end, :end, 'booked', :id::text)")
                .bind("id", id).bind("therapist", therapist).bind("client", client)
                .bind("start", start).bind("end", start.plus(50, ChronoUnit.MINUTES))
                .then().block();
        return id;
    }
}
