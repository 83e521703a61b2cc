package org.teletherapy.notes;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.testsupport.ApiDocuments;
import org.teletherapy.testsupport.IntegrationTest;

import java.util.List;

/** The service's OpenAPI document, fetched without a token, against what the service really serves. */
@IntegrationTest
class ApiDocumentTest {

    @Autowired
    ApplicationContext context;

    @Autowired
    WebTestClient web;

    @Test
    void theDocumentListsEveryOperationServedWithItsRolesAndProblemTypesAndNoOther() {
        ApiDocuments.assertDescribesTheApplication(context, web, "notes-service");
    }

    @Test
    void signingANoteNamesItsRoleAndWhatCanStandInTheWay() {
        web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/notes/{id}/sign'].post['x-roles']").isEqualTo(List.of("therapist"))
                .jsonPath("$.paths['/api/v1/notes/{id}/sign'].post.responses['409']['x-problem-types']")
                .isEqualTo(List.of("urn:teletherapy:problem:note-already-signed"))
                .jsonPath("$.paths['/api/v1/notes/{id}/sign'].post.responses['404']['x-problem-types']")
                .isEqualTo(List.of("urn:teletherapy:problem:note-not-found"))
                .jsonPath("$.paths['/api/v1/notes/{id}/sign'].post.responses['410']['x-problem-types']")
                .isEqualTo(List.of("urn:teletherapy:problem:client-erased"))
                .jsonPath("$.paths['/api/v1/notes/erasures'].post['x-roles']").isEqualTo(List.of("operator"))
                .jsonPath("$.paths['/api/v1/notes'].post.responses['413']['x-problem-types']")
                .isEqualTo(List.of("urn:teletherapy:problem:content-too-large"))
                // Written with ResponseEntity: the status the handler sets, with its body's schema.
                .jsonPath("$.paths['/api/v1/notes'].post.responses['201'].content['application/json'].schema['$ref']")
                .isEqualTo("#/components/schemas/NoteSummary")
                .jsonPath("$.paths['/api/v1/notes'].post.responses['200']").doesNotExist()
                .jsonPath("$.paths['/api/v1/notes/keys/rotation'].post.responses['202']").exists()
                .jsonPath("$.paths['/api/v1/notes/erasures'].post.responses['201']").exists()
                .jsonPath("$.paths['/api/v1/notes/erasures'].post.responses['200']").exists();
    }
}
