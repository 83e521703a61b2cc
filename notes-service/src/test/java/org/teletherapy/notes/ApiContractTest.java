package org.teletherapy.notes;

import org.junit.jupiter.api.Test;
import org.teletherapy.testsupport.ApiContractTests;

import java.util.List;

/**
 * The service's API contract (ApiContractTests: the OpenAPI document against what the service serves, every
 * role refused before the body is read), and the details of its document a client relies on.
 */
class ApiContractTest extends ApiContractTests {

    @Override
    protected String service() {
        return "notes-service";
    }

    @Override
    protected List<String> knownRefusals() {
        return List.of("client POST /api/v1/notes", "operator POST /api/v1/notes");
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
