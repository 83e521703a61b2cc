package org.teletherapy.notifications;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.teletherapy.testsupport.ApiContractTests;

import java.util.List;

/**
 * The service's API contract (ApiContractTests: the OpenAPI document against what the service serves, every role
 * refused before the body is read), in the same application context as the other tests.
 */
@Import(NotificationsTestBase.TestClock.class)
class ApiContractTest extends ApiContractTests {

    @Override
    protected String service() {
        return "notifications-service";
    }

    @Override
    protected List<String> knownRefusals() {
        return List.of("operator GET /api/v1/notification-preferences", "operator PUT /api/v1/notification-preferences");
    }

    @Test
    void theUnsubscribeLinkNeedsNoSignInAndNamesItsProblem() {
        web.get().uri("/v3/api-docs").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.paths['/api/v1/notification-preferences'].put['x-roles']")
                .isEqualTo(List.of("client", "therapist"))
                .jsonPath("$.paths['/api/v1/notification-preferences/unsubscribe'].post.responses['400']['x-problem-types']")
                .isEqualTo(List.of("urn:teletherapy:problem:malformed-request",
                        "urn:teletherapy:problem:invalid-unsubscribe-token"))
                .jsonPath("$.paths['/api/v1/notification-preferences/unsubscribe'].post['x-roles']").doesNotExist();
    }
}
