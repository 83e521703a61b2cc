package org.teletherapy.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What makes the portal look alive at first sign-in, put in place through the public API as the demo users
 * themselves (never by writing a service's tables): therapist1's weekly availability, an upcoming session for
 * client1, a worksheet from their last session (sessions-service's demo history) that they handed in and therapist1
 * reviewed, a short PHQ-9 and GAD-7 history and an open PHQ-9.
 * Each step looks first and does nothing when its data exists, so starting the devstack again adds nothing.
 */
public final class DemoData {

    /** Whose data: a therapist of the demo realm and a client on their roster, by login and Keycloak id. */
    public record Pair(String therapist, UUID therapistId, String client, UUID clientId) {
    }

    /** The pair the devstack's banner tells people to sign in as. */
    public static final Pair FIRST_SIGN_IN = new Pair("therapist1", UUID.fromString("2f1d5a0e-6b0a-4c1e-9a51-000000000101"),
            "client1", UUID.fromString("2f1d5a0e-6b0a-4c1e-9a51-000000000201"));
    static final UUID PHQ9 = UUID.fromString("7b1f0000-0000-4000-8000-000000000009");
    static final UUID GAD7 = UUID.fromString("7b1f0000-0000-4000-8000-000000000007");
    static final UUID CONSISTENCY_TRACKER = UUID.fromString("7b1f0000-0000-4000-8000-000000000102");
    /** Item answers of the history: a score that falls over the weeks, as it does when therapy helps. */
    private static final List<int[]> PHQ9_HISTORY = List.of(new int[]{2, 2, 2, 1, 2, 1, 2, 1, 0},
            new int[]{1, 1, 2, 1, 1, 1, 1, 0, 0});
    private static final int[] GAD7_HISTORY = {2, 1, 2, 1, 1, 1, 1};
    private static final String DEMO_PASSWORD = "demo";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final String gateway;
    private final String tokenEndpoint;
    private final Clock clock;
    private final Consumer<String> say;
    private final Map<String, String> tokens = new HashMap<>();
    private final Pair pair;

    public DemoData(Pair pair, String gatewayUrl, String keycloakUrl, Clock clock, Consumer<String> say) {
        this.pair = pair;
        this.gateway = gatewayUrl;
        this.tokenEndpoint = keycloakUrl + "/realms/teletherapy/protocol/openid-connect/token";
        this.clock = clock;
        this.say = say;
    }

    /** Best effort: the platform is usable without demo data, so a failure is reported, not raised. */
    public void seed() {
        try {
            availability();
            upcomingSession();
            homework();
        } catch (IOException | RuntimeException e) {
            say.accept("Demo data incomplete (" + e.getMessage() + "); the platform runs without it.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void availability() throws IOException, InterruptedException {
        if (call("GET", "/api/v1/availability", pair.therapist(), null).statusCode() == 200) {
            return;
        }
        StringBuilder weekly = new StringBuilder();
        for (String day : List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY")) {
            weekly.append(weekly.isEmpty() ? "" : ",")
                    .append("{\"day\":\"").append(day).append("\",\"start\":\"09:00\",\"end\":\"17:00\"}");
        }
        expect(200, call("PUT", "/api/v1/availability", pair.therapist(),
                "{\"timeZone\":\"Europe/Berlin\",\"sessionMinutes\":50,\"bufferMinutes\":10,\"weekly\":[" + weekly + "]}"));
        say.accept("Demo data: " + pair.therapist() + " is available Monday to Friday, 09:00–17:00 Europe/Berlin.");
    }

    private void upcomingSession() throws IOException, InterruptedException {
        JsonNode sessions = body(expect(200, call("GET", "/api/v1/sessions", pair.client(), null)));
        Instant now = clock.instant();
        for (JsonNode session : sessions) {
            if ("booked".equals(session.path("status").asText()) && Instant.parse(session.path("start").asText()).isAfter(now)) {
                return;
            }
        }
        Instant from = now.plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS);
        JsonNode slots = body(expect(200, call("GET", "/api/v1/therapists/" + pair.therapistId() + "/slots?from="
                + encode(from) + "&to=" + encode(from.plus(14, ChronoUnit.DAYS)), pair.client(), null)));
        if (slots.isEmpty()) {
            return;
        }
        String start = slots.get(0).path("start").asText();
        expect(201, call("POST", "/api/v1/sessions", pair.client(),
                "{\"therapistId\":\"" + pair.therapistId() + "\",\"start\":\"" + start + "\"}"));
        say.accept("Demo data: " + pair.client() + " has a session booked with " + pair.therapist() + ".");
    }

    private void homework() throws IOException, InterruptedException {
        JsonNode assigned = body(expect(200, call("GET", "/api/v1/assignments?clientId=" + pair.clientId(), pair.therapist(), null)));
        if (!assigned.isEmpty()) {
            return;
        }
        UUID worksheet = assign(CONSISTENCY_TRACKER, Duration.ofDays(3), pastSession());
        submit(worksheet, answersFor(worksheet, Map.of()));
        expect(200, call("POST", "/api/v1/assignments/" + worksheet + "/review", pair.therapist(),
                "{\"comment\":\"Thank you for writing this down so honestly. Let us look at the obstacle together next time.\"}"));
        for (int[] items : PHQ9_HISTORY) {
            UUID questionnaire = assign(PHQ9, Duration.ofDays(7), null);
            submit(questionnaire, answersFor(questionnaire, items(items)));
        }
        UUID anxiety = assign(GAD7, Duration.ofDays(7), null);
        submit(anxiety, answersFor(anxiety, items(GAD7_HISTORY)));
        assign(PHQ9, Duration.ofDays(5), null);
        say.accept("Demo data: " + pair.client() + " has a reviewed worksheet, a PHQ-9 and GAD-7 history and an open PHQ-9.");
    }

    /** The session the client already had with the therapist (the devstack's demo history), if there is one. */
    private String pastSession() throws IOException, InterruptedException {
        for (JsonNode session : body(expect(200, call("GET", "/api/v1/sessions", pair.client(), null)))) {
            if ("fulfilled".equals(session.path("status").asText())
                    && pair.therapistId().toString().equals(session.path("therapistId").asText())) {
                return session.path("id").asText();
            }
        }
        return null;
    }

    /**
     * The assignment's id; the roster and the sessions reach exercises-service by event, so the first tries may come
     * too early.
     */
    private UUID assign(UUID template, Duration due, String sessionId) throws IOException, InterruptedException {
        String request = "{\"clientId\":\"" + pair.clientId() + "\",\"templateId\":\"" + template + "\",\"dueAt\":\""
                + clock.instant().plus(due).truncatedTo(ChronoUnit.SECONDS) + "\""
                + (sessionId == null ? "" : ",\"sessionId\":\"" + sessionId + "\"") + "}";
        Instant giveUp = clock.instant().plus(Duration.ofSeconds(90));
        while (true) {
            HttpResponse<String> response = call("POST", "/api/v1/assignments", pair.therapist(), request);
            if (response.statusCode() == 201 || clock.instant().isAfter(giveUp)) {
                return UUID.fromString(body(expect(201, response)).path("id").asText());
            }
            Thread.sleep(2000);
        }
    }

    private void submit(UUID assignment, JsonNode answers) throws IOException, InterruptedException {
        ObjectNode submission = json.createObjectNode();
        submission.set("answers", answers);
        expect(201, call("POST", "/api/v1/assignments/" + assignment + "/submissions", pair.client(), submission.toString()));
    }

    /** An answer to every question of the assignment's template: the given ones, else a plain example answer. */
    private JsonNode answersFor(UUID assignment, Map<String, Integer> given) throws IOException, InterruptedException {
        JsonNode questions = body(expect(200, call("GET", "/api/v1/assignments/" + assignment, pair.client(), null)))
                .path("template").path("questions");
        ObjectNode answers = json.createObjectNode();
        for (JsonNode question : questions) {
            String id = question.path("id").asText();
            switch (question.path("type").asText()) {
                case "text" -> answers.put(id, "I said I would call back the same evening, and I did.");
                case "scale" -> answers.put(id, question.path("max").asInt(5) - 1);
                case "yes-no" -> answers.put(id, true);
                default -> {
                    if (given.containsKey(id)) {
                        answers.put(id, given.get(id));
                    } else {
                        answers.set(id, question.path("options").get(0).path("value"));
                    }
                }
            }
        }
        return answers;
    }

    private static Map<String, Integer> items(int[] values) {
        Map<String, Integer> items = new HashMap<>();
        for (int i = 0; i < values.length; i++) {
            items.put("item" + (i + 1), values[i]);
        }
        return items;
    }

    private HttpResponse<String> call(String method, String path, String user, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token(user)).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token(String user) throws IOException, InterruptedException {
        String cached = tokens.get(user);
        if (cached != null) {
            return cached;
        }
        String form = "grant_type=password&client_id=teletherapy-cli&username=" + user + "&password=" + DEMO_PASSWORD;
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(tokenEndpoint))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String token = body(expect(200, response)).path("access_token").asText();
        tokens.put(user, token);
        return token;
    }

    private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
        if (response.statusCode() != status) {
            // The problem's type names what went wrong; its detail may not be for the console.
            throw new IllegalStateException(response.request().method() + " " + response.request().uri().getPath()
                    + " answered " + response.statusCode());
        }
        return response;
    }

    private JsonNode body(HttpResponse<String> response) throws IOException {
        return json.readTree(response.body());
    }

    private static String encode(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }
}
