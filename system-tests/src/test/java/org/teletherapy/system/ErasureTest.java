package org.teletherapy.system;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.devstack.Platform;
import org.teletherapy.testsupport.DemoUsers;
import org.teletherapy.testsupport.KeycloakEndpoint;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A client's erasure across the running platform, through the gateway, with notifications-service stopped while it
 * runs: the erasure goes on without it, its part stays pending, and it catches up from Kafka when it is back. Then
 * what the issue asks to be proven: the client cannot sign in, the APIs answer 404 or 410 for their data, and in the
 * databases (as psql or a backup sees them) their keysets are tombstones, so no ciphertext of theirs can be opened,
 * and a dump of the key tables taken afterwards holds nothing of the key they had.
 *
 * <p>The client is a new one invited for this test, with a session, a handed-in PHQ-9 and a progress note, so no demo
 * user the other tests rely on is erased.
 */
// Late, as every class that stops a service; before PlatformTest, which stops notes-service for good.
@Order(95)
class ErasureTest extends BrowserTest {

    // The demo realm's password, so the scenario's helpers can act as this client too.
    static final String PASSWORD = KeycloakEndpoint.DEMO_PASSWORD;
    static final String KEYRING = "crypto.client_keyset";

    static Platform platform;
    static WebTestClient gateway;
    static KeycloakEndpoint keycloak;

    @BeforeAll
    static void useTheRunningPlatform() {
        platform = running.platform;
        keycloak = running.keycloak;
        gateway = gateway();
    }

    @Test
    void anErasureRunsOnWhileAServiceIsDownCatchesUpAndLeavesNothingOfTheClientReadable() {
        String email = "erased-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        UUID client = UUID.fromString(gateway.post().uri("/api/v1/roster/invitations")
                .headers(h -> h.setBearerAuth(token("therapist2")))
                .bodyValue(Map.of("firstName", "Edda", "lastName", "Erased", "email", email)).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("clientId").toString());
        givePassword(client);
        // Signs in before the erasure, so the refusal afterwards is the erasure's doing.
        assertThat(keycloak.passwordGrant(email, PASSWORD).statusCode()).isEqualTo(200);

        // A record to erase: a session, a handed-in PHQ-9, a progress note about the session.
        DemoScenario scenario = new DemoScenario(gateway, keycloak);
        scenario.openCalendar("therapist2", "UTC");
        UUID session = scenario.bookSomewhereFree(email, DemoUsers.THERAPIST2);
        UUID assignment = scenario.assign("therapist2", client, DemoScenario.PHQ9);
        scenario.submitPhq9(email, assignment, 0);
        UUID note = scenario.retryUntilCreated("therapist2", "/api/v1/notes",
                Map.of("sessionId", session, "kind", "progress", "content", "Edda spoke about the orchard."));
        byte[] notesKey = wrappedKeyset(Platform.App.NOTES, client);
        byte[] exercisesKey = wrappedKeyset(Platform.App.EXERCISES, client);
        assertThat(notesKey).as("notes-service sealed the note under a key of the client's").isNotNull();
        assertThat(exercisesKey).as("exercises-service sealed the answers under a key of the client's").isNotNull();

        platform.stopApp(Platform.App.NOTIFICATIONS);
        String id;
        try {
            id = eraseInTheConsole(client);

            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> erasure(id)
                    .jsonPath("$.parts.sessions.status").isEqualTo("done")
                    .jsonPath("$.parts.notes.status").isEqualTo("done")
                    .jsonPath("$.parts.exercises.status").isEqualTo("done"));
            erasure(id).jsonPath("$.parts.notifications.status").isEqualTo("pending")
                    .jsonPath("$.status").isEqualTo("in-progress");
            // Off the roster, name and all.
            gateway.get().uri("/api/v1/care-team").headers(h -> h.setBearerAuth(token("therapist2"))).exchange()
                    .expectStatus().isOk()
                    .expectBody(String.class).value(team -> assertThat(team)
                            .doesNotContain(client.toString()).doesNotContain("Erased"));
        } finally {
            platform.startApp(Platform.App.NOTIFICATIONS);
            platform.awaitApp(Platform.App.NOTIFICATIONS);
        }

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> erasure(id)
                .jsonPath("$.parts.notifications.status").isEqualTo("done")
                .jsonPath("$.status").isEqualTo("done"));
        page.reload();
        assertThat(page.locator(".overall .state")).hasText("Done");
        assertThat(page.locator(".erasure-parts li .status")).hasText(new String[]{"Erased", "Erased", "Erased", "Erased"});
        assertThat(page.content()).doesNotContain("Edda").doesNotContain(email).doesNotContain(client.toString());
        screenshots("console-erasure-done");
        // Again for the same client: the same erasure, nothing new.
        gateway.post().uri("/api/v1/erasures").headers(h -> h.setBearerAuth(token("operator1")))
                .bodyValue(Map.of("clientId", client, "reason", "client-request")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(id);

        // The client cannot sign in any more.
        HttpResponse<String> signIn = keycloak.passwordGrant(email, PASSWORD);
        assertThat(signIn.statusCode()).as(signIn.body()).isIn(400, 401);
        assertThat(signIn.body()).contains("invalid_grant").doesNotContain("access_token");

        // Their former therapist finds nothing of theirs: gone (410) or unknown (404), never the data.
        String therapist = token("therapist2");
        for (String path : List.of("/fhir/r4/Patient/" + client, "/fhir/r4/Appointment?patient=Patient/" + client,
                "/fhir/r4/QuestionnaireResponse?patient=Patient/" + client,
                "/fhir/r4/Observation?patient=Patient/" + client, "/fhir/r4/DocumentReference?patient=Patient/" + client,
                "/api/v1/notes/" + note, "/api/v1/assignments/" + assignment,
                "/api/v1/assignments/" + assignment + "/submissions")) {
            gateway.get().uri(path).headers(h -> h.setBearerAuth(therapist)).exchange()
                    .expectStatus().value(status -> assertThat(status).as(path).isIn(404, 410))
                    .expectBody(String.class).value(body -> assertThat(body).as(path)
                            .doesNotContain("Edda").doesNotContain("orchard").doesNotContain(email));
        }
        // The session stays in the therapist's diary as cancelled, naming no one.
        gateway.get().uri("/api/v1/sessions/" + session).headers(h -> h.setBearerAuth(therapist)).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(body -> assertThat(body).contains("cancelled").contains("client-erased")
                        .doesNotContain("Edda").doesNotContain(email));

        // In the databases: the keysets are tombstones, and a dump of the key table taken now has no trace of them.
        for (Platform.App service : List.of(Platform.App.NOTES, Platform.App.EXERCISES)) {
            assertThat(wrappedKeyset(service, client)).as(service + " keyset").isNull();
            assertThat(destroyed(service, client)).as(service + " keyset tombstone").isTrue();
        }
        assertThat(dumpOfKeyring(Platform.App.NOTES)).doesNotContain(HexFormat.of().formatHex(notesKey));
        assertThat(dumpOfKeyring(Platform.App.EXERCISES)).doesNotContain(HexFormat.of().formatHex(exercisesKey));

        // The account itself is gone from Keycloak: the same address invited again is a new account.
        String again = gateway.post().uri("/api/v1/roster/invitations").headers(h -> h.setBearerAuth(token("therapist2")))
                .bodyValue(Map.of("firstName", "Edda", "lastName", "Again", "email", email)).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("clientId").toString();
        assertThat(again).isNotEqualTo(client.toString());
    }

    /**
     * The operator's way: the Erasures page, the confirmation that says what will happen, and the erasure's own
     * page, which names no one. Answers the erasure's id, from the page's address.
     */
    private String eraseInTheConsole(UUID client) {
        openBrowser(390, "en-GB");
        signIn("operator1");
        page.navigate(gatewayUrl + "/console/erasures");
        assertThat(page.locator("h1")).hasText("Erasures");
        List<String> violations = new ArrayList<>(seriousViolations("erasures"));
        screenshots("console-erasures");
        page.getByLabel("Client id").fill(client.toString());
        page.getByLabel("Reason").selectOption("client-request");
        page.getByLabel("Reference (optional, e.g. a ticket number)").fill("DSR-2026-114");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Continue")).click();

        assertThat(page.locator("h1")).hasText("Erase this client?");
        assertThat(page.locator(".confirm-erasure [role=alert]")).containsText("cannot be undone");
        assertThat(page.locator("code.client-id")).hasText(client.toString());
        violations.addAll(seriousViolations("erasure-confirm"));
        screenshots("console-erasure-confirm");
        page.getByLabel("I checked the request and understand that this cannot be undone.").check();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Erase the client")).click();

        page.waitForURL(Pattern.compile(".*/console/erasures/[0-9a-f-]{36}\\?started.*"));
        assertThat(page.getByRole(AriaRole.STATUS)).containsText("The erasure is under way.");
        assertThat(page.locator(".erasure-facts")).containsText("DSR-2026-114");
        violations.addAll(seriousViolations("erasure"));
        screenshots("console-erasure-started");
        assertThat(violations).isEmpty();
        return page.url().replaceAll(".*/console/erasures/([0-9a-f-]{36}).*", "$1");
    }

    /** An invited client has no password until they follow their mail; the test sets one as Keycloak's admin API does. */
    private static void givePassword(UUID client) {
        String admin = serviceAccountToken();
        String user = keycloak.internalUrl() + "/admin/realms/" + KeycloakEndpoint.REALM + "/users/" + client;
        send(HttpRequest.newBuilder(URI.create(user)).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"requiredActions\":[],\"emailVerified\":true}")).build(), 204);
        send(HttpRequest.newBuilder(URI.create(user + "/reset-password")).header("Authorization", "Bearer " + admin)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(
                        "{\"type\":\"password\",\"value\":\"" + PASSWORD + "\",\"temporary\":false}")).build(), 204);
    }

    /** sessions-service's own account, which may manage users (it onboards and erases them). */
    private static String serviceAccountToken() {
        String form = "grant_type=client_credentials&client_id=sessions-service&client_secret="
                + URLEncoder.encode(keycloak.sessionsServiceSecret(), StandardCharsets.UTF_8);
        String body = send(HttpRequest.newBuilder(URI.create(keycloak.internalUrl() + "/realms/" + KeycloakEndpoint.REALM
                        + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), 200);
        return body.replaceAll("(?s).*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    private static String send(HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(request.uri().getPath()).isEqualTo(expected);
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static byte[] wrappedKeyset(Platform.App service, UUID client) {
        return running.inDatabase(service.database(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select wrapped_keyset from " + KEYRING + " where subject_id = ?")) {
                statement.setObject(1, client);
                ResultSet row = statement.executeQuery();
                return row.next() ? row.getBytes(1) : null;
            }
        });
    }

    private static boolean destroyed(Platform.App service, UUID client) {
        return running.inDatabase(service.database(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select destroyed_at is not null from " + KEYRING + " where subject_id = ?")) {
                statement.setObject(1, client);
                ResultSet row = statement.executeQuery();
                return row.next() && row.getBoolean(1);
            }
        });
    }

    /** The key table as pg_dump writes it: {@code COPY ... TO stdout}, byte arrays in hex. */
    private static String dumpOfKeyring(Platform.App service) {
        return running.inDatabase(service.database(), connection -> {
            ByteArrayOutputStream dump = new ByteArrayOutputStream();
            connection.unwrap(PGConnection.class).getCopyAPI().copyOut("COPY " + KEYRING + " TO STDOUT", dump);
            return dump.toString(StandardCharsets.UTF_8);
        });
    }

    private WebTestClient.BodyContentSpec erasure(String id) {
        return gateway.get().uri("/api/v1/erasures/{id}", id).headers(h -> h.setBearerAuth(token("operator1"))).exchange()
                .expectStatus().isOk().expectBody();
    }

    private static String token(String user) {
        return keycloak.accessToken(user);
    }
}
