package org.teletherapy.system;

import org.springframework.http.HttpStatus;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.testsupport.DemoUsers;
import org.teletherapy.testsupport.KeycloakEndpoint;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A working day on the platform through the gateway, with every demo user: therapists open their calendars, clients
 * book (one tries a taken slot), one cancels, a therapist writes and signs a note, assigns a PHQ-9 whose answers raise a safety alert, and
 * acknowledges it; a therapist invites a new client; the operator looks at the platform's figures.
 */
final class DemoScenario {

    static final UUID PHQ9 = UUID.fromString("7b1f0000-0000-4000-8000-000000000009");
    /** A person who exists only for this scenario: none of this may show up where operators look either. */
    static final Map<String, String> INVITED = Map.of("firstName", "Rosalind", "lastName", "Quennell",
            "email", "rosalind.quennell." + UUID.randomUUID().toString().substring(0, 8) + "@example.org");

    private final WebTestClient gateway;
    private final KeycloakEndpoint keycloak;
    private final Map<String, String> tokens = new HashMap<>();

    DemoScenario(WebTestClient gateway, KeycloakEndpoint keycloak) {
        this.gateway = gateway;
        this.keycloak = keycloak;
    }

    void run() {
        openCalendar("therapist1", "Europe/Berlin");
        openCalendar("therapist2", "America/New_York");
        Instant dayAfterTomorrow = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
        UUID client1Session = book("client1", DemoUsers.THERAPIST1, dayAfterTomorrow.plus(9, ChronoUnit.HOURS));
        // The slot is taken: PostgreSQL's exclusion constraint refuses the row (and its log must not say whose it was).
        gateway.post().uri("/api/v1/sessions").headers(h -> h.setBearerAuth(token("client2")))
                .bodyValue(Map.of("therapistId", DemoUsers.THERAPIST1, "start", dayAfterTomorrow.plus(9, ChronoUnit.HOURS).toString()))
                .exchange().expectStatus().isEqualTo(HttpStatus.CONFLICT);
        UUID client2Session = book("client2", DemoUsers.THERAPIST1, dayAfterTomorrow.plus(11, ChronoUnit.HOURS));
        book("client3", DemoUsers.THERAPIST2, dayAfterTomorrow.plus(15, ChronoUnit.HOURS));
        post("client2", "/api/v1/sessions/" + client2Session + "/cancel", Map.of("reason", "schedule-conflict"),
                HttpStatus.OK);

        UUID note = retryUntilCreated("therapist1", "/api/v1/notes", Map.of("sessionId", client1Session,
                "kind", "progress", "content", "Clara spoke about trusting her partner again after the move."));
        post("therapist1", "/api/v1/notes/" + note + "/sign", Map.of(), HttpStatus.OK);

        UUID assignment = retryUntilCreated("therapist1", "/api/v1/assignments", Map.of("clientId", DemoUsers.CLIENT1,
                "templateId", PHQ9, "dueAt", Instant.now().plus(3, ChronoUnit.DAYS).toString()));
        submitPhq9("client1", assignment, 1);
        List<?> alerts = get("therapist1", "/api/v1/safety-alerts", List.class);
        assertThat(alerts).as("the PHQ-9 item 9 answer raised a safety alert").isNotEmpty();
        String alert = (String) ((Map<?, ?>) alerts.get(0)).get("id");
        post("therapist1", "/api/v1/safety-alerts/" + alert + "/acknowledge", Map.of(), HttpStatus.OK);

        post("therapist2", "/api/v1/roster/invitations", INVITED, HttpStatus.CREATED);

        get("operator1", "/api/v1/sessions/figures", Map.class);
        get("operator1", "/api/v1/safety-alerts/figures", Map.class);
    }

    void openCalendar(String therapist, String zone) {
        StringBuilder weekly = new StringBuilder();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY")) {
            weekly.append(weekly.isEmpty() ? "" : ",")
                    .append("{\"day\":\"").append(day).append("\",\"start\":\"00:00\",\"end\":\"23:59\"}");
        }
        gateway.put().uri("/api/v1/availability").headers(h -> h.setBearerAuth(token(therapist)))
                .header("Content-Type", "application/json")
                .bodyValue("{\"timeZone\":\"UTC\",\"sessionMinutes\":50,\"bufferMinutes\":10,\"weekly\":[" + weekly + "]}")
                .exchange().expectStatus().isOk();
    }

    UUID book(String client, UUID therapist, Instant start) {
        return idOf(gateway.post().uri("/api/v1/sessions").headers(h -> h.setBearerAuth(token(client)))
                .bodyValue(Map.of("therapistId", therapist, "start", start.toString()))
                .exchange().expectStatus().isCreated());
    }

    /** A session at a random free hour 20 to 85 days ahead, so tests that run together do not take each other's. */
    UUID bookSomewhereFree(String client, UUID therapist) {
        for (int attempt = 0; attempt < 20; attempt++) {
            Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS)
                    .plus(ThreadLocalRandom.current().nextInt(20, 85), ChronoUnit.DAYS)
                    .plus(ThreadLocalRandom.current().nextInt(0, 24), ChronoUnit.HOURS);
            var result = gateway.post().uri("/api/v1/sessions").headers(h -> h.setBearerAuth(token(client)))
                    .bodyValue(Map.of("therapistId", therapist, "start", start.toString()))
                    .exchange().expectBody(Map.class).returnResult();
            if (result.getStatus().value() == HttpStatus.CREATED.value()) {
                return UUID.fromString((String) result.getResponseBody().get("id"));
            }
        }
        throw new AssertionError("no free time for a fresh session");
    }

    /** therapist1 gives client1 homework from {@code template}, due in three days. */
    UUID assignToClient1(UUID template) {
        return assign(DemoUsers.CLIENT1, template);
    }

    /** therapist1 gives a client of theirs homework from {@code template}, due in three days. */
    UUID assign(UUID client, UUID template) {
        return assign("therapist1", client, template);
    }

    /** A therapist gives a client of theirs homework from {@code template}, due in three days. */
    UUID assign(String therapist, UUID client, UUID template) {
        return retryUntilCreated(therapist, "/api/v1/assignments", Map.of("clientId", client,
                "templateId", template, "dueAt", Instant.now().plus(3, ChronoUnit.DAYS).toString()));
    }

    /** The client hands in a PHQ-9 with item 9 answered {@code item9} and every other item 0. */
    void submitPhq9(String client, UUID assignment, int item9) {
        Map<String, Object> answers = new HashMap<>();
        for (int item = 1; item <= 9; item++) {
            answers.put("item" + item, item == 9 ? item9 : 0);
        }
        post(client, "/api/v1/assignments/" + assignment + "/submissions", Map.of("answers", answers),
                HttpStatus.CREATED);
    }

    /** The open safety alerts about {@code client} that {@code therapist} sees. */
    List<?> openAlertsAbout(String therapist, UUID client) {
        return get(therapist, "/api/v1/safety-alerts?status=open&clientId=" + client, List.class);
    }

    /** Notes and exercises learn sessions and rosters from events: what they have not heard of yet is a 4xx. */
    UUID retryUntilCreated(String user, String path, Map<String, ?> body) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            var result = gateway.post().uri(path).headers(h -> h.setBearerAuth(token(user))).bodyValue(body)
                    .exchange().expectBody(Map.class).returnResult();
            return result.getStatus().value() == 201 ? UUID.fromString((String) result.getResponseBody().get("id")) : null;
        }, id -> id != null);
    }

    private void post(String user, String path, Map<String, ?> body, HttpStatus expected) {
        gateway.post().uri(path).headers(h -> h.setBearerAuth(token(user))).bodyValue(body)
                .exchange().expectStatus().isEqualTo(expected);
    }

    private <T> T get(String user, String path, Class<T> type) {
        return gateway.get().uri(path).headers(h -> h.setBearerAuth(token(user))).exchange()
                .expectStatus().isOk().expectBody(type).returnResult().getResponseBody();
    }

    private static UUID idOf(WebTestClient.ResponseSpec response) {
        Map<?, ?> body = response.expectBody(Map.class).returnResult().getResponseBody();
        assertThat(body).isNotNull();
        return UUID.fromString((String) body.get("id"));
    }

    private String token(String user) {
        return tokens.computeIfAbsent(user, keycloak::accessToken);
    }

    /** Everyone the scenario involves, with everything that identifies them. */
    static final List<Person> PEOPLE = List.of(
            new Person(DemoUsers.THERAPIST1, "therapist1", "therapist1@example.org", "Theresa", "Lindqvist"),
            new Person(DemoUsers.THERAPIST2, "therapist2", "therapist2@example.org", "Tomas", "Okafor"),
            new Person(DemoUsers.CLIENT1, "client1", "client1@example.org", "Clara", "Meyer"),
            new Person(DemoUsers.CLIENT2, "client2", "client2@example.org", "Chidi", "Nwosu"),
            new Person(DemoUsers.CLIENT3, "client3", "client3@example.org", "Camille", "Laurent"),
            new Person(DemoUsers.OPERATOR1, "operator1", "operator1@example.org", "Olga", "Petrova"));

    record Person(UUID id, String username, String email, String firstName, String lastName) {
        List<String> identifiers() {
            return List.of(id.toString(), username, email, firstName, lastName);
        }
    }
}
