package org.teletherapy.sessions.onboarding;

import org.junit.jupiter.api.Test;
import org.teletherapy.sessions.SchedulingApiTestBase;

import java.util.Map;
import java.util.UUID;

import static org.teletherapy.sessions.SchedulingFixture.token;

/** What Keycloak is sent, and what it refuses, against the real Keycloak of the demo realm. */
class OnboardingInputTest extends SchedulingApiTestBase {

    @Test
    void anAddressPastedWithSpacesIsTrimmedBeforeItIsChecked() {
        String email = "spaced-" + UUID.randomUUID() + "@example.org";
        web.post().uri("/api/v1/roster/invitations").headers(h -> h.setBearerAuth(token("therapist1")))
                .bodyValue(Map.of("firstName", "Sara", "lastName", "Spaced", "email", "  " + email + " "))
                .exchange().expectStatus().isCreated();
    }

    @Test
    void aNameTheIdentityServiceRefusesIsAFieldErrorNotA500() {
        web.post().uri("/api/v1/roster/invitations").headers(h -> h.setBearerAuth(token("therapist1")))
                .bodyValue(Map.of("firstName", "<script>", "lastName", "Lima", "email", "refused-" + UUID.randomUUID() + "@example.org"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:validation")
                .jsonPath("$.errors[0].field").isEqualTo("firstName");
    }

    @Test
    void aNulInANameIsRefusedBeforeAnyoneStoresIt() {
        web.post().uri("/api/v1/accounts/therapists").headers(h -> h.setBearerAuth(token("operator1")))
                .bodyValue(Map.of("firstName", "Ana\u0000", "lastName", "Lima", "email", "nul-" + UUID.randomUUID() + "@example.org"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("firstName")
                .jsonPath("$.errors[0].message").isEqualTo("must not contain control characters");
    }
}
