package org.teletherapy.sessions.onboarding;

import org.junit.jupiter.api.Test;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.devstack.Ports;
import org.teletherapy.sessions.SchedulingApiTestBase;
import org.teletherapy.sessions.SchedulingFixture;
import org.teletherapy.testsupport.DemoUsers;
import org.teletherapy.testsupport.Infrastructure;
import org.teletherapy.testsupport.KeycloakEndpoint;
import org.teletherapy.testsupport.TestMail;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.teletherapy.sessions.roster.RosterStore;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.teletherapy.sessions.SchedulingFixture.token;

/** Onboarding against the real Keycloak of the demo realm. */
class OnboardingApiTest extends SchedulingApiTestBase {

    @Autowired
    RosterStore roster;

    @Autowired
    TransactionalOperator transactionalOperator;

    final KeycloakEndpoint keycloak = Infrastructure.shared().keycloak();

    @Test
    void anInvitedClientGetsAnAccountThatCanLogInAndJoinsTheRoster() {
        String email = "invited-" + UUID.randomUUID() + "@example.org";
        String clientId = (String) web.post().uri("/api/v1/roster/invitations").headers(h -> h.setBearerAuth(token("therapist1")))
                .bodyValue(Map.of("firstName", "Ines", "lastName", "Invited", "email", email))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("clientId");

        web.get().uri("/api/v1/care-team").headers(h -> h.setBearerAuth(token("therapist1"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[?(@.clientId == '" + clientId + "')].name").isEqualTo("Ines Invited");

        try (Keycloak admin = serviceAccount()) {
            assertThat(admin.realm("teletherapy").users().get(clientId).toRepresentation().getRequiredActions())
                    .contains("UPDATE_PASSWORD", "VERIFY_EMAIL");
        }
        // Keycloak's own invitation mail, through the test SMTP server: a link to set a password, which opens.
        await().atMost(java.time.Duration.ofSeconds(30)).until(() -> TestMail.shared().messagesTo(email).size() == 1);
        String mail = new String(assertDoesNotThrow(() -> TestMail.shared().messagesTo(email).get(0).getInputStream()
                .readAllBytes()), java.nio.charset.StandardCharsets.UTF_8).replace("=\r\n", "").replace("=3D", "=");
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("https?://[^\\s\"<>]+/login-actions/action-token\\?key=[A-Za-z0-9._-]+")
                .matcher(mail);
        assertThat(link.find()).as("an action-token link in the invitation").isTrue();
        java.net.http.HttpResponse<String> page = assertDoesNotThrow(() -> java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build()
                .send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(link.group())).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString()));
        assertThat(page.statusCode()).isEqualTo(200);
        choosePassword(clientId, "a-long-first-password");
        String token = keycloak.accessToken(email, "a-long-first-password");
        web.get().uri("/api/v1/care-team").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[0].therapistId").isEqualTo(DemoUsers.THERAPIST1.toString());
    }

    @Test
    void invitingAnExistingAddressIsAConflictAndOnlyTherapistsInvite() {
        web.post().uri("/api/v1/roster/invitations").headers(h -> h.setBearerAuth(token("therapist1")))
                .bodyValue(Map.of("firstName", "Clara", "lastName", "Again", "email", "client1@example.org"))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:account-exists");
        web.post().uri("/api/v1/roster/invitations").headers(h -> h.setBearerAuth(token("client1")))
                .bodyValue(Map.of("firstName", "A", "lastName", "B", "email", "x@example.org"))
                .exchange().expectStatus().isForbidden();
        web.post().uri("/api/v1/roster/invitations").headers(h -> h.setBearerAuth(token("therapist1")))
                .bodyValue(Map.of("firstName", "", "lastName", "B", "email", "not-an-address"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(2);
    }

    @Test
    void aClientRemovedFromTheRosterIsLinkedAgainByANewInvitationWithTheirAccountUntouched() {
        String email = "returning-" + UUID.randomUUID() + "@example.org";
        String clientId = invite(email, "Rita", "Returning").expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("clientId").toString();
        choosePassword(clientId, "a-password-she-keeps");
        web.delete().uri("/api/v1/roster/clients/{id}", clientId).headers(h -> h.setBearerAuth(token("therapist1")))
                .exchange().expectStatus().isNoContent();

        invite(email.toUpperCase(), "Rita", "Back").expectStatus().isCreated()
                .expectBody().jsonPath("$.clientId").isEqualTo(clientId);

        web.get().uri("/api/v1/care-team").headers(h -> h.setBearerAuth(token("therapist1"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[?(@.clientId == '" + clientId + "')].name").isEqualTo("Rita Back");
        assertThat(database.sql("""
                        select count(*) from eventing.outbox_event
                         where event_type = 'roster.linked' and convert_from(payload, 'UTF8')::jsonb ->> 'clientId' = :client""")
                .bind("client", clientId).map(row -> row.get(0, Long.class)).one().block()).isEqualTo(2);
        // Linking changed nothing about the account: same password, same name, nothing asked of her on login.
        String token = keycloak.accessToken(email, "a-password-she-keeps");
        web.get().uri("/api/v1/care-team").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[0].therapistId").isEqualTo(DemoUsers.THERAPIST1.toString());
        try (Keycloak admin = serviceAccount()) {
            UserRepresentation account = admin.realm("teletherapy").users().get(clientId).toRepresentation();
            assertThat(account.getFirstName()).isEqualTo("Rita");
            assertThat(account.getLastName()).isEqualTo("Returning");
            assertThat(account.getRequiredActions()).isEmpty();
        }

        invite(email, "Rita", "Again").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:account-exists");
    }

    @Test
    void anInvitationForATherapistsAddressIsStillRefused() {
        invite("therapist2@example.org", "Not", "Aclient").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:account-exists");
        invite("operator1@example.org", "Not", "Aclient").expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:account-exists");
        assertThat(database.sql("select count(*) from roster where client_id in (:ids)")
                .bind("ids", List.of(DemoUsers.THERAPIST2, DemoUsers.OPERATOR1))
                .map(row -> row.get(0, Long.class)).one().block()).isZero();
    }

    @Test
    void anOperatorCreatesTherapistAccounts() {
        web.post().uri("/api/v1/accounts/therapists").headers(h -> h.setBearerAuth(token("operator1")))
                .bodyValue(Map.of("firstName", "Nora", "lastName", "New", "email", "therapist-" + UUID.randomUUID() + "@example.org"))
                .exchange().expectStatus().isCreated().expectBody().jsonPath("$.therapistId").exists();
        web.post().uri("/api/v1/accounts/therapists").headers(h -> h.setBearerAuth(token("therapist1")))
                .bodyValue(Map.of("firstName", "Nora", "lastName", "New", "email", "t2@example.org"))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void removingAClientFromTheRosterCancelsTheirFutureSessions() {
        String session = fixture.book(fixture.firstFreeSlotAfter(Duration.ofDays(2)), "client2");

        web.delete().uri("/api/v1/roster/clients/{id}", DemoUsers.CLIENT2).headers(h -> h.setBearerAuth(token("therapist1")))
                .exchange().expectStatus().isNoContent();

        web.get().uri("/api/v1/sessions/{id}", session).headers(h -> h.setBearerAuth(token("client2"))).exchange()
                .expectBody().jsonPath("$.status").isEqualTo("cancelled").jsonPath("$.cancellation.by").isEqualTo("system")
                .jsonPath("$.cancellation.reason").isEqualTo("roster-unlinked");
        web.delete().uri("/api/v1/roster/clients/{id}", DemoUsers.CLIENT2).headers(h -> h.setBearerAuth(token("therapist1")))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void whenKeycloakIsDownTheInvitationFailsCleanlyAndNoRosterEntryIsLeft() {
        KeycloakAccounts unreachable = new KeycloakAccounts(new KeycloakProperties("http://127.0.0.1:" + Ports.free(),
                "teletherapy", "sessions-service", "irrelevant", Duration.ofSeconds(1), Duration.ofSeconds(1),
                "teletherapy-gateway", "http://localhost:8080/", Duration.ofHours(72)));
        Onboarding withKeycloakDown = new Onboarding(unreachable, roster, null, null, transactionalOperator, null);
        long before = rosterSize();

        assertThatThrownBy(() -> withKeycloakDown.inviteClient(DemoUsers.THERAPIST1, "T",
                new Accounts.NewPerson("Ada", "Down", "down@example.org")).block())
                .isInstanceOf(OnboardingProblems.IdentityUnavailableException.class);
        assertThat(rosterSize()).isEqualTo(before);
    }

    private WebTestClient.ResponseSpec invite(String email, String first, String last) {
        return web.post().uri("/api/v1/roster/invitations").headers(h -> h.setBearerAuth(token("therapist1")))
                .bodyValue(Map.of("firstName", first, "lastName", last, "email", email)).exchange();
    }

    /** What the invitation e-mail's link lets the person do: choose a password (and finish the required actions). */
    private void choosePassword(String userId, String chosen) {
        try (Keycloak admin = serviceAccount()) {
            var user = admin.realm("teletherapy").users().get(userId);
            UserRepresentation representation = user.toRepresentation();
            CredentialRepresentation password = new CredentialRepresentation();
            password.setType(CredentialRepresentation.PASSWORD);
            password.setValue(chosen);
            password.setTemporary(false);
            user.resetPassword(password);
            representation.setRequiredActions(List.of());
            representation.setEmailVerified(true);
            user.update(representation);
        }
    }

    private long rosterSize() {
        return database.sql("select count(*) from roster").map(row -> row.get(0, Long.class)).one().block();
    }

    private Keycloak serviceAccount() {
        return KeycloakBuilder.builder().serverUrl(keycloak.internalUrl()).realm("teletherapy")
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientId("sessions-service")
                .clientSecret(keycloak.sessionsServiceSecret()).build();
    }
}
