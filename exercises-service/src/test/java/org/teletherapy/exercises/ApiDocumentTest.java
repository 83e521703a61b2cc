package org.teletherapy.exercises;

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
        ApiDocuments.assertDescribesTheApplication(context, web, "exercises-service");
    }

    @Test
    void handingInNamesItsRoleAndTheIncompleteQuestionnaire() {
        web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/assignments/{assignmentId}/submissions'].post['x-roles']")
                .isEqualTo(List.of("client"))
                .jsonPath("$.paths['/api/v1/assignments/{assignmentId}/submissions'].post.responses['422']['x-problem-types']")
                .isEqualTo(List.of("urn:teletherapy:problem:invalid-answers", "urn:teletherapy:problem:incomplete-questionnaire"))
                .jsonPath("$.paths['/api/v1/assignments/{assignmentId}/submissions'].get['x-roles']")
                .isEqualTo(List.of("client", "therapist"))
                .jsonPath("$.paths['/api/v1/assignments/{assignmentId}/submissions'].post.responses['201'].content['application/json'].schema['$ref']")
                .isEqualTo("#/components/schemas/SubmissionResult")
                .jsonPath("$.paths['/api/v1/assignments/{assignmentId}/submissions'].post.responses['200']").doesNotExist()
                .jsonPath("$.paths['/api/v1/safety-alerts/figures'].get['x-roles']").isEqualTo(List.of("operator"));
    }
}
