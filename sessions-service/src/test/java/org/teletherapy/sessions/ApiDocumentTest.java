package org.teletherapy.sessions;

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
        ApiDocuments.assertDescribesTheApplication(context, web, "sessions-service");
    }

    @Test
    void bookingNamesItsRoleItsBodyAndTheTakenSlot() {
        web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/sessions'].post['x-roles']").isEqualTo(List.of("client"))
                .jsonPath("$.paths['/api/v1/sessions'].post.responses['409']['x-problem-types']")
                .isEqualTo(List.of("urn:teletherapy:problem:slot-taken"))
                .jsonPath("$.paths['/api/v1/sessions'].post.responses['409'].content['application/problem+json'].schema['$ref']")
                .isEqualTo("#/components/schemas/ProblemDetail")
                .jsonPath("$.paths['/api/v1/sessions'].post.responses['400']['x-problem-types']")
                .isEqualTo(List.of("urn:teletherapy:problem:malformed-request", "urn:teletherapy:problem:validation",
                        "urn:teletherapy:problem:invalid-idempotency-key"))
                .jsonPath("$.paths['/api/v1/sessions'].post.requestBody.content['application/json'].schema['$ref']")
                .isEqualTo("#/components/schemas/BookingRequest")
                .jsonPath("$.components.schemas.BookingRequest.properties.therapistId.format").isEqualTo("uuid")
                .jsonPath("$.components.schemas.BookingRequest.properties.start.format").isEqualTo("date-time")
                .jsonPath("$.paths['/api/v1/sessions'].post.responses['201'].content['application/json'].schema['$ref']")
                .isEqualTo("#/components/schemas/SessionView")
                .jsonPath("$.paths['/api/v1/ops/status'].get['x-roles']").isEqualTo(List.of("operator"))
                .jsonPath("$.components.securitySchemes.bearer.bearerFormat").isEqualTo("JWT");
    }

    @Test
    void thePrivateCalendarFeedIsDocumentedAsOpen() {
        web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/calendar/feeds/{token}.ics'].get.security").doesNotExist()
                .jsonPath("$.paths['/api/v1/calendar/feeds/{token}.ics'].get.responses['401']").doesNotExist()
                .jsonPath("$.paths['/api/v1/calendar/feeds/{token}.ics'].get.responses['404']['x-problem-types']")
                .isEqualTo(List.of("urn:teletherapy:problem:feed-not-found"))
                .jsonPath("$.paths['/api/v1/calendar/feeds/{token}.ics'].get.responses['200'].content['text/calendar']")
                .exists();
    }
}
