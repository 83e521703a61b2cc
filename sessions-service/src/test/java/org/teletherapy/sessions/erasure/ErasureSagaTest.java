package org.teletherapy.sessions.erasure;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.ws.rs.NotFoundException;
import org.junit.jupiter.api.Test;
import org.keycloak.OAuth2Constants;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.teletherapy.devstack.Ports;
import org.teletherapy.eventing.outbox.OutboxWriter;
import org.teletherapy.events.Topics;
import org.teletherapy.events.erasure.ErasurePart;
import org.teletherapy.events.erasure.ErasurePartDone;
import org.teletherapy.events.erasure.ErasureRefusal;
import org.teletherapy.service.security.Caller;
import org.teletherapy.service.security.Role;
import org.teletherapy.sessions.SchedulingApiTestBase;
import org.teletherapy.sessions.booking.BookingService;
import org.teletherapy.sessions.booking.SessionStore;
import org.teletherapy.sessions.calendar.CalendarFeeds;
import org.teletherapy.sessions.erasure.ErasureProblems.IdentityUnavailableException;
import org.teletherapy.sessions.onboarding.KeycloakProperties;
import org.teletherapy.sessions.roster.RosterStore;
import org.teletherapy.testsupport.DemoUsers;
import org.teletherapy.testsupport.Infrastructure;
import org.teletherapy.testsupport.KeycloakEndpoint;
import org.teletherapy.testsupport.TestEvents;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.teletherapy.sessions.SchedulingFixture.token;

/**
 * The platform erasure saga against the real Keycloak, PostgreSQL and Kafka: each step run by hand (the test
 * configuration turns the schedule off) so that every state in between can be looked at; the other services'
 * confirmations published as they would publish them.
 */
class ErasureSagaTest extends SchedulingApiTestBase {

    private static final String PASSWORD = "a-password-to-lose";

    @Autowired
    ErasureRunner runner;

    @Autowired
    ErasureStore store;

    @Autowired
    SessionStore sessions;

    @Autowired
    BookingService booking;

    @Autowired
    RosterStore roster;

    @Autowired
    CalendarFeeds calendar;

    @Autowired
    OutboxWriter outbox;

    @Autowired
    TransactionalOperator transaction;

    @Autowired
    ErasureProperties properties;

    @Autowired
    Clock clock;

    @Autowired
    MeterRegistry meters;

    final KeycloakEndpoint keycloak = Infrastructure.shared().keycloak();

    record Person(UUID id, String email, String surname) {
    }

    @Test
    void anErasureDisablesTheAccountThenErasesHereThenRemovesTheAccountAndRecordsTheOtherServicesParts() {
        Person client = newClient();
        String token = keycloak.accessToken(client.email(), PASSWORD);
        String future = book(token, fixture.firstFreeSlotAfter(Duration.ofDays(2)));
        String past = book(token, fixture.firstFreeSlotAfter(Duration.ofDays(3)));
        fixture.startedAgo(past, Duration.ofDays(2));
        web.post().uri("/api/v1/calendar/feed").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().is2xxSuccessful();
        assertThat(count("select count(*) from calendar_feed where person_id = :c", client.id())).isEqualTo(1);

        String id = web.post().uri("/api/v1/erasures").headers(as("operator1"))
                .bodyValue(Map.of("clientId", client.id(), "reason", "client-request", "reference", "DSR-1042"))
                .exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueMatches("Location", "/api/v1/erasures/[0-9a-f-]{36}")
                .expectBody()
                .jsonPath("$.status").isEqualTo("in-progress")
                .jsonPath("$.clientId").isEqualTo(client.id().toString())
                .jsonPath("$.reason").isEqualTo("client-request")
                .jsonPath("$.parts.sessions.status").isEqualTo("pending")
                .jsonPath("$.parts.sessions.step").isEqualTo("disable-account")
                .jsonPath("$.parts.notes.status").isEqualTo("pending")
                .jsonPath("$.parts.exercises.status").isEqualTo("pending")
                .jsonPath("$.parts.notifications.status").isEqualTo("pending")
                .returnResult().getResponseHeaders().getLocation().getPath().replace("/api/v1/erasures/", "");

        // 1. The account is disabled first: it exists, cannot sign in, and nothing else has changed yet.
        runner.runOnce().block();
        try (Keycloak admin = serviceAccount()) {
            assertThat(admin.realm("teletherapy").users().get(client.id().toString()).toRepresentation().isEnabled())
                    .isFalse();
        }
        assertSignInRefused(client);
        assertThat(status(future)).isEqualTo("booked");
        assertThat(count("select count(*) from roster where client_id = :c", client.id())).isEqualTo(1);
        erasure(id).jsonPath("$.parts.sessions.step").isEqualTo("erase-sessions");

        // 2. Here: future sessions cancelled (as client-erased, through the booking code), past ones kept under the
        //    bare id, roster unlinked with the name it held, calendar feed gone, client.erased in the outbox.
        runner.runOnce().block();
        assertThat(status(future)).isEqualTo("cancelled");
        assertThat(database.sql("select cancel_reason, cancelled_by from session where id = :id")
                .bind("id", UUID.fromString(future)).map(row -> row.get(0, String.class) + "/" + row.get(1, String.class))
                .one().block()).isEqualTo("client-erased/system");
        assertThat(status(past)).isEqualTo("booked");
        assertThat(count("select count(*) from roster where client_id = :c", client.id())).isZero();
        assertThat(database.sql("select count(*) from roster where client_name like :name")
                .bind("name", "%" + client.surname() + "%").map(row -> row.get(0, Long.class)).one().block()).isZero();
        assertThat(count("select count(*) from calendar_feed where person_id = :c", client.id())).isZero();
        assertThat(outboxEvents("session.cancelled", client.id())).isEqualTo(1);
        assertThat(outboxEvents("roster.unlinked", client.id())).isEqualTo(1);
        assertThat(outboxEvents("client.erased", client.id())).isEqualTo(1);
        assertThat(database.sql("select count(*) from eventing.outbox_event where convert_from(payload, 'UTF8') like :name")
                .bind("name", "%" + client.surname() + "%").map(row -> row.get(0, Long.class)).one().block()).isZero();
        // client.erased comes after the cancellation and the unlink on the client's key: consumers see them first.
        assertThat(database.sql("""
                        select string_agg(event_type, ',' order by position) from eventing.outbox_event
                         where event_key = :c and event_type in ('session.cancelled', 'roster.unlinked', 'client.erased')""")
                .bind("c", client.id().toString()).map(row -> row.get(0, String.class)).one().block())
                .isEqualTo("session.cancelled,roster.unlinked,client.erased");

        // 3. The account is removed last.
        runner.runOnce().block();
        try (Keycloak admin = serviceAccount()) {
            assertThatThrownBy(() -> admin.realm("teletherapy").users().get(client.id().toString()).toRepresentation())
                    .isInstanceOf(NotFoundException.class);
        }
        assertSignInRefused(client);
        erasure(id).jsonPath("$.parts.sessions.status").isEqualTo("done")
                .jsonPath("$.parts.sessions.step").doesNotExist()
                .jsonPath("$.status").isEqualTo("in-progress");

        // The other services answer on Kafka; one of them keeps the notes for their retention period.
        TestEvents.publish(ErasurePartDone.refused(client.id(), ErasurePart.NOTES, ErasureRefusal.RETENTION_PERIOD,
                Instant.now()));
        TestEvents.publish(ErasurePartDone.done(client.id(), ErasurePart.EXERCISES, Instant.now()));
        UUID notificationsAnswer = UUID.randomUUID();
        ErasurePartDone notifications = ErasurePartDone.done(client.id(), ErasurePart.NOTIFICATIONS, Instant.now());
        TestEvents.publish(notifications, notificationsAnswer);
        TestEvents.publish(notifications, notificationsAnswer);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> erasure(id)
                .jsonPath("$.status").isEqualTo("done-with-refusals"));
        erasure(id)
                .jsonPath("$.parts.notes.status").isEqualTo("refused")
                .jsonPath("$.parts.notes.reasonCode").isEqualTo("retention-period")
                .jsonPath("$.parts.exercises.status").isEqualTo("done")
                .jsonPath("$.parts.notifications.status").isEqualTo("done")
                .jsonPath("$.completedAt").exists();

        // The relay published client.erased once.
        await().atMost(Duration.ofSeconds(30)).until(() -> !TestEvents.published(Topics.SESSIONS, "client.erased",
                payload -> payload.contains(client.id().toString()), Duration.ofSeconds(2)).isEmpty());
        assertThat(TestEvents.published(Topics.SESSIONS, "client.erased",
                payload -> payload.contains(client.id().toString()), Duration.ofSeconds(3))).hasSize(1);

        // Asking again answers the erasure there is, and starts nothing.
        web.post().uri("/api/v1/erasures").headers(as("operator1"))
                .bodyValue(Map.of("clientId", client.id(), "reason", "legal-obligation")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(id).jsonPath("$.reason").isEqualTo("client-request")
                .jsonPath("$.status").isEqualTo("done-with-refusals");
        runner.runDue().block();
        assertThat(count("select count(*) from erasure where client_id = :c", client.id())).isEqualTo(1);
        assertThat(outboxEvents("client.erased", client.id())).isEqualTo(1);
        // A late, older answer does not overwrite a newer one.
        UUID late = TestEvents.publish(ErasurePartDone.refused(client.id(), ErasurePart.EXERCISES, ErasureRefusal.OTHER,
                Instant.now().minus(Duration.ofHours(1))));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from eventing.processed_event where event_id = :c", late) == 1);
        assertThat(partStatus(client.id(), "exercises")).isEqualTo("done");
        // An answer for a client nobody erases here (a notes-only erasure, say) is applied and changes nothing.
        UUID stranger = UUID.randomUUID();
        UUID unmatched = TestEvents.publish(ErasurePartDone.done(stranger, ErasurePart.NOTES, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from eventing.processed_event where event_id = :c", unmatched) == 1);
        assertThat(count("select count(*) from erasure where client_id = :c", stranger)).isZero();
    }

    @Test
    void whileKeycloakIsAwayAStepIsTriedAgainUntilItSucceeds() {
        Person client = newClient();
        ClientAccounts away = new KeycloakClientAccounts(new KeycloakProperties("http://127.0.0.1:" + Ports.free(),
                "teletherapy", "sessions-service", "irrelevant", Duration.ofSeconds(1), Duration.ofSeconds(1),
                "teletherapy-gateway", "http://localhost:8080/", Duration.ofHours(72)));
        // Starting needs Keycloak too (is it a client?): without it, nothing starts.
        assertThatThrownBy(() -> new Erasures(store, away, transaction, meters)
                .start(new Caller(DemoUsers.OPERATOR1, Set.of(Role.OPERATOR)), client.id(), ErasureReason.CLIENT_REQUEST, null)
                .block())
                .isInstanceOf(IdentityUnavailableException.class);
        assertThat(count("select count(*) from erasure where client_id = :c", client.id())).isZero();

        String id = start(client.id());
        ErasureRunner withKeycloakAway = new ErasureRunner(store, away, sessions, booking, roster, calendar, outbox,
                transaction, properties, clock, meters);
        withKeycloakAway.runOnce().block();

        erasure(id).jsonPath("$.parts.sessions.status").isEqualTo("pending")
                .jsonPath("$.parts.sessions.step").isEqualTo("disable-account")
                .jsonPath("$.parts.sessions.attempts").isEqualTo(1)
                .jsonPath("$.parts.sessions.problem").isEqualTo("identity-unavailable");
        try (Keycloak admin = serviceAccount()) {
            assertThat(admin.realm("teletherapy").users().get(client.id().toString()).toRepresentation().isEnabled())
                    .isTrue();
        }

        // Keycloak is back (the real runner reaches it): the same step again, and on to the end.
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            runner.runDue().block();
            erasure(id).jsonPath("$.parts.sessions.status").isEqualTo("done");
        });
        assertSignInRefused(client);
        assertThat(outboxEvents("client.erased", client.id())).isEqualTo(1);
    }

    @Test
    void anErasureClaimedByAnInstanceThatDiedIsResumedWhenItsLeaseEnds() {
        Person client = newClient();
        String id = start(client.id());
        // An instance claims it for two seconds and dies before doing the step.
        List<ErasureStore.Claimed> claimed = store.claim(Instant.now(), Instant.now().plusSeconds(2), 100)
                .collectList().block();
        assertThat(claimed).extracting(ErasureStore.Claimed::id).contains(UUID.fromString(id));

        runner.runOnce().block();
        erasure(id).jsonPath("$.parts.sessions.step").isEqualTo("disable-account");

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            runner.runDue().block();
            erasure(id).jsonPath("$.parts.sessions.status").isEqualTo("done");
        });
        assertThat(outboxEvents("client.erased", client.id())).isEqualTo(1);
    }

    @Test
    void onlyAClientsAccountIsErasedAndOnlyAnOperatorErases() {
        web.post().uri("/api/v1/erasures").headers(as("operator1"))
                .bodyValue(Map.of("clientId", UUID.randomUUID(), "reason", "client-request")).exchange()
                .expectStatus().isEqualTo(422)
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:unknown-client");
        web.post().uri("/api/v1/erasures").headers(as("operator1"))
                .bodyValue(Map.of("clientId", DemoUsers.THERAPIST2, "reason", "client-request")).exchange()
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:not-a-client");
        web.post().uri("/api/v1/erasures").headers(as("operator1"))
                .bodyValue(Map.of("clientId", DemoUsers.CLIENT3, "reason", "she told me about her divorce")).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        web.post().uri("/api/v1/erasures").headers(as("therapist1"))
                .bodyValue(Map.of("clientId", DemoUsers.CLIENT3, "reason", "client-request")).exchange()
                .expectStatus().isForbidden();
        web.get().uri("/api/v1/erasures/{id}", UUID.randomUUID()).headers(as("operator1")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:erasure-not-found");
        assertThat(count("select count(*) from erasure where client_id = :c", DemoUsers.CLIENT3)).isZero();
        assertThat(count("select count(*) from erasure where client_id = :c", DemoUsers.THERAPIST2)).isZero();
    }

    /** A new client of therapist1 with a password, as if they had followed their invitation. */
    private Person newClient() {
        String surname = "Erasmus" + UUID.randomUUID().toString().substring(0, 6);
        String email = surname.toLowerCase() + "@example.org";
        UUID id = UUID.fromString((String) web.post().uri("/api/v1/roster/invitations").headers(as("therapist1"))
                .bodyValue(Map.of("firstName", "Erin", "lastName", surname, "email", email))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()
                .get("clientId"));
        try (Keycloak admin = serviceAccount()) {
            var user = admin.realm("teletherapy").users().get(id.toString());
            UserRepresentation representation = user.toRepresentation();
            CredentialRepresentation password = new CredentialRepresentation();
            password.setType(CredentialRepresentation.PASSWORD);
            password.setValue(PASSWORD);
            password.setTemporary(false);
            user.resetPassword(password);
            representation.setRequiredActions(List.of());
            representation.setEmailVerified(true);
            user.update(representation);
        }
        assertThat(keycloak.passwordGrant(email, PASSWORD).statusCode()).isEqualTo(200);
        return new Person(id, email, surname);
    }

    private String start(UUID clientId) {
        return web.post().uri("/api/v1/erasures").headers(as("operator1"))
                .bodyValue(Map.of("clientId", clientId, "reason", "consent-withdrawn")).exchange()
                .expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    private void assertSignInRefused(Person client) {
        HttpResponse<String> answer = keycloak.passwordGrant(client.email(), PASSWORD);
        assertThat(answer.statusCode()).isIn(400, 401);
        assertThat(answer.body()).contains("invalid_grant");
    }

    private WebTestClient.BodyContentSpec erasure(String id) {
        return web.get().uri("/api/v1/erasures/{id}", id).headers(as("operator1")).exchange()
                .expectStatus().isOk().expectBody();
    }

    private String book(String token, Instant start) {
        return (String) web.post().uri("/api/v1/sessions").headers(h -> h.setBearerAuth(token))
                .bodyValue(Map.of("therapistId", DemoUsers.THERAPIST1, "start", start))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private String status(String session) {
        return database.sql("select status from session where id = :id").bind("id", UUID.fromString(session))
                .map(row -> row.get(0, String.class)).one().block();
    }

    private String partStatus(UUID client, String part) {
        return database.sql("""
                        select p.status from erasure_part p join erasure e on e.id = p.erasure_id
                         where e.client_id = :c and p.part = :part""")
                .bind("c", client).bind("part", part).map(row -> row.get(0, String.class)).one().block();
    }

    private long count(String sql, UUID id) {
        return database.sql(sql).bind("c", id).map(row -> row.get(0, Long.class)).one().block();
    }

    private long outboxEvents(String type, UUID client) {
        return database.sql("select count(*) from eventing.outbox_event where event_type = :type and event_key = :c")
                .bind("type", type).bind("c", client.toString()).map(row -> row.get(0, Long.class)).one().block();
    }

    private static java.util.function.Consumer<org.springframework.http.HttpHeaders> as(String user) {
        return headers -> headers.setBearerAuth(token(user));
    }

    private Keycloak serviceAccount() {
        return KeycloakBuilder.builder().serverUrl(keycloak.internalUrl()).realm("teletherapy")
                .grantType(OAuth2Constants.CLIENT_CREDENTIALS).clientId("sessions-service")
                .clientSecret(keycloak.sessionsServiceSecret()).build();
    }
}
