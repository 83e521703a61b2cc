package org.teletherapy.exercises.assignment;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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

@IntegrationTest
class AssignmentsApiTest {

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    final KeycloakEndpoint keycloak = Infrastructure.shared().keycloak();

    UUID forClient1;
    UUID forClient2;

    @BeforeEach
    void homeworkForTwoClients() {
        database.sql("delete from assignment").then().block();
        forClient1 = insertAssignment(DemoUsers.THERAPIST1, DemoUsers.CLIENT1);
        forClient2 = insertAssignment(DemoUsers.THERAPIST1, DemoUsers.CLIENT2);
    }

    @Test
    void aClientSeesOnlyTheirOwnHomework() {
        web.get().uri("/api/v1/assignments").headers(h -> h.setBearerAuth(keycloak.accessToken("client2"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].id").isEqualTo(forClient2.toString());
    }

    @Test
    void aTherapistSeesWhatTheyAssigned() {
        web.get().uri("/api/v1/assignments").headers(h -> h.setBearerAuth(keycloak.accessToken("therapist1"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(2);
        web.get().uri("/api/v1/assignments").headers(h -> h.setBearerAuth(keycloak.accessToken("therapist2"))).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void operatorsGetNoPersonalHomeworkLists() {
        web.get().uri("/api/v1/assignments").headers(h -> h.setBearerAuth(keycloak.accessToken("operator1"))).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void withoutATokenTheApiAnswersAnUnauthorizedProblem() {
        web.get().uri("/api/v1/assignments").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private UUID insertAssignment(UUID therapist, UUID client) {
        UUID id = UUID.randomUUID();
        database.sql("insert into assignment (id, client_id, therapist_id, template_id, status, due_at) "
                        + "values (:id, :client, :therapist, :template, 'assigned', :due)")
                .bind("id", id).bind("client", client).bind("therapist", therapist)
                .bind("template", UUID.randomUUID()).bind("due", Instant.now().plus(3, ChronoUnit.DAYS))
                .then().block();
        return id;
    }
}
