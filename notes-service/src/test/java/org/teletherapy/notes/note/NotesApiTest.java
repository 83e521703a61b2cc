package org.teletherapy.notes.note;

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

import java.util.UUID;

@IntegrationTest
class NotesApiTest {

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    final KeycloakEndpoint keycloak = Infrastructure.shared().keycloak();

    UUID therapist1Note;

    @BeforeEach
    void notesByTwoTherapists() {
        database.sql("delete from note").then().block();
        therapist1Note = insertNote(DemoUsers.THERAPIST1, DemoUsers.CLIENT1);
        insertNote(DemoUsers.THERAPIST2, DemoUsers.CLIENT3);
    }

    @Test
    void aTherapistListsOnlyTheNotesTheyWrote() {
        web.get().uri("/api/v1/notes").headers(h -> h.setBearerAuth(keycloak.accessToken("therapist1"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].id").isEqualTo(therapist1Note.toString())
                .jsonPath("$[0].content").doesNotExist();
    }

    @Test
    void clientsNeverListClinicalNotes() {
        web.get().uri("/api/v1/notes").headers(h -> h.setBearerAuth(keycloak.accessToken("client1"))).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void operatorsNeverListClinicalNotes() {
        web.get().uri("/api/v1/notes").headers(h -> h.setBearerAuth(keycloak.accessToken("operator1"))).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void withoutATokenTheApiAnswersAnUnauthorizedProblem() {
        web.get().uri("/api/v1/notes").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private UUID insertNote(UUID author, UUID client) {
        UUID id = UUID.randomUUID();
        database.sql("insert into note (id, session_id, client_id, author_id, kind, status) "
                        + "values (:id, :session, :client, :author, 'progress', 'draft')")
                .bind("id", id).bind("session", UUID.randomUUID()).bind("client", client).bind("author", author)
                .then().block();
        return id;
    }
}
