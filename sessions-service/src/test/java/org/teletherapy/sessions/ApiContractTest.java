package org.teletherapy.sessions;

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
        return "sessions-service";
    }

    @Override
    protected List<String> knownRefusals() {
        return List.of("client PUT /api/v1/availability", "operator POST /api/v1/roster/invitations");
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
