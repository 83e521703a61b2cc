package org.teletherapy.exercises;

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
        return "exercises-service";
    }

    @Override
    protected List<String> knownRefusals() {
        return List.of("client POST /api/v1/assignments", "operator POST /api/v1/assignments");
    }

    @Test
    void handingInNamesItsRoleAndTheIncompleteQuestionnaire() {
        web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/assignments/{assignmentId}/submissions'].post['x-roles']")
                .isEqualTo(List.of("client"))
                .jsonPath("$.paths['/api/v1/assignments/{assignmentId}/submissions'].post.responses['422']['x-problem-types']")
                .isEqualTo(List.of("urn:teletherapy:problem:invalid-answers", "urn:teletherapy:problem:incomplete-questionnaire",
                        "urn:teletherapy:problem:idempotency-key-reused"))
                .jsonPath("$.paths['/api/v1/assignments/{assignmentId}/submissions'].get['x-roles']")
                .isEqualTo(List.of("client", "therapist"))
                .jsonPath("$.paths['/api/v1/assignments/{assignmentId}/submissions'].post.responses['201'].content['application/json'].schema['$ref']")
                .isEqualTo("#/components/schemas/SubmissionResult")
                .jsonPath("$.paths['/api/v1/assignments/{assignmentId}/submissions'].post.responses['200']").doesNotExist()
                .jsonPath("$.paths['/api/v1/safety-alerts/figures'].get['x-roles']").isEqualTo(List.of("operator"));
    }
}
