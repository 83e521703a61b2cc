package org.teletherapy.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tables of malformed requests for an endpoint, built from one valid request: each case spoils one field (or the
 * body, a path id or a query parameter) in one of the ways careless or hostile callers do, and expects 400 with a
 * problem detail naming that field, never a 500. Use the cases with {@code @MethodSource}.
 *
 * <pre>{@code
 * MalformedInputs.endpoint(POST, "/api/v1/sessions/{id}/cancel", "client1", "{\"reason\":\"illness\"}")
 *         .enumField("reason").textField("scope").body().cases()
 * }</pre>
 */
public final class MalformedInputs {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");
    private static final String PROBLEM = "urn:teletherapy:problem:";
    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

    private final HttpMethod method;
    private final String path;
    private final String user;
    private final String validBody;
    private final List<Case> cases = new ArrayList<>();
    private final Map<String, String> pathValues = new LinkedHashMap<>();

    private MalformedInputs(HttpMethod method, String path, String user, String validBody) {
        this.method = method;
        this.path = path;
        this.user = user;
        this.validBody = validBody;
    }

    /** An endpoint with a valid JSON body (or {@code null} for none); {@code path} is sent as written (no encoding). */
    public static MalformedInputs endpoint(HttpMethod method, String path, String user, String validBody) {
        return new MalformedInputs(method, path, user, validBody);
    }

    /** One case: this raw JSON value at this field's path of the valid body. */
    public MalformedInputs value(String field, String rawValue, String why) {
        cases.add(new Case(method + " " + path + " " + field + " = " + shorten(rawValue) + " (" + why + ")",
                method, path, user, replace(validBody, field, rawValue), field));
        return this;
    }

    public MalformedInputs enumField(String field) {
        return value(field, "1", "a number for an enum").value(field, "\"no-such-value\"", "an unknown name")
                .value(field, "true", "a boolean for an enum").value(field, "\"\"", "an empty name");
    }

    /** An enum field whose valid value is given, so that it can be padded. */
    public MalformedInputs enumField(String field, String validName) {
        return enumField(field).value(field, "\"" + validName + " \"", "a padded name")
                .value(field, "\"" + validName.toUpperCase().replace('-', '_') + "x\"", "another spelling");
    }

    public MalformedInputs uuidField(String field) {
        return value(field, "\"not-a-uuid\"", "not a UUID").value(field, "\"1-2-3-4-5\"", "a short UUID")
                .value(field, "42", "a number for a UUID").value(field, "\" \"", "a blank id");
    }

    public MalformedInputs instantField(String field) {
        return value(field, "1767225600", "a number for a date").value(field, "\"2026-03-02\"", "a date for an instant")
                .value(field, "\"tomorrow\"", "not a date")
                .value(field, "\"2026-03-02T09:00:00\"", "no offset")
                .value(field, "\"-999999999-01-01T00:00:00Z\"", "the smallest year")
                .value(field, "\"+1000000000-01-01T00:00:00Z\"", "beyond the largest year")
                .value(field, "\"+10000-01-01T00:00:00Z\"", "after 9999");
    }

    public MalformedInputs dateField(String field) {
        return value(field, "\"2026-03-02T00:00:00Z\"", "a timestamp for a date").value(field, "20260302", "a number")
                .value(field, "\"2026-02-30\"", "no such day").value(field, "\"+100000-01-01\"", "a far year");
    }

    public MalformedInputs timeField(String field) {
        return value(field, "\"9:30\"", "not HH:mm").value(field, "570", "a number for a time")
                .value(field, "\"25:00\"", "no such time");
    }

    public MalformedInputs integerField(String field) {
        return value(field, "1.5", "a fraction for an integer").value(field, "\"50\"", "a string for a number")
                .value(field, "true", "a boolean for a number").value(field, "99999999999999999999", "out of range");
    }

    public MalformedInputs textField(String field) {
        return value(field, "true", "a boolean for text").value(field, "42", "a number for text")
                .value(field, "{}", "an object for text").value(field, "\"a\\u0000b\"", "a NUL character")
                .value(field, "\"a\\u001bb\"", "an escape character");
    }

    public MalformedInputs listField(String field) {
        return value(field, "{}", "an object for a list").value(field, "\"x\"", "a string for a list");
    }

    /** Bodies that are not one JSON object: syntax errors, a duplicate key, trailing tokens, an array. */
    public MalformedInputs body() {
        String firstKey = firstKey(validBody);
        raw("a duplicate key", validBody.replaceFirst("\\{", "{\"" + firstKey + "\":null,"), firstKey);
        raw("trailing tokens", validBody + " {}", null);
        raw("an unclosed object", validBody.substring(0, validBody.length() - 1), null);
        raw("an array for the body", "[" + validBody + "]", null);
        raw("an empty body", "", null);
        return this;
    }

    /** A case with a body of its own, e.g. JSON no field can describe. */
    public MalformedInputs raw(String why, String body, String field) {
        cases.add(new Case(method + " " + path + " (" + why + ")", method, path, user, body, field));
        return this;
    }

    /**
     * The path's placeholder (e.g. {@code {id}}) filled with ids that are no UUIDs; every other case gets
     * {@code validId} there.
     */
    public MalformedInputs pathId(String placeholder, String validId) {
        for (String[] spoiled : List.of(new String[]{"%20", "a blank id"}, new String[]{"not-a-uuid", "not a UUID"},
                new String[]{"1-2-3-4-5", "a short UUID"}, new String[]{"%20" + validId, "a padded id"})) {
            String spoiledPath = path.replace("{" + placeholder + "}", spoiled[0]);
            cases.add(new Case(method + " " + spoiledPath + " (" + spoiled[1] + ")", method, spoiledPath, user,
                    validBody, placeholder));
        }
        pathValues.put("{" + placeholder + "}", validId);
        return this;
    }

    /** One query parameter spoiled: {@code query} is appended to the path (raw, e.g. {@code limit=0}). */
    public MalformedInputs query(String query, String parameter, String why) {
        String separator = path.contains("?") ? "&" : "?";
        cases.add(new Case(method + " " + path + separator + query + " (" + why + ")", method,
                path + separator + query, user, validBody, parameter));
        return this;
    }

    public List<Case> cases() {
        return cases.stream().map(c -> {
            String filled = c.path;
            for (Map.Entry<String, String> value : pathValues.entrySet()) {
                filled = filled.replace(value.getKey(), value.getValue());
            }
            return c.withPath(filled);
        }).toList();
    }

    /**
     * One malformed request and the field its problem must name ({@code null}: the body as a whole).
     */
    public record Case(String name, HttpMethod method, String path, String user, String body, String field) {

        Case withPath(String newPath) {
            return new Case(name, method, newPath, user, body, field);
        }

        /** The case with a real value put in for a placeholder such as {@code {session}}, in path and body. */
        public Case with(String placeholder, String value) {
            return new Case(name, method, path.replace(placeholder, value),
                    user, body == null ? null : body.replace(placeholder, value), field);
        }

        /** Sends it and asserts 400, a problem detail of kind validation or malformed-request, and the field. */
        public void assertRefused(WebTestClient web) {
            assertRefused(web, MalformedInputs::token);
        }

        public void assertRefused(WebTestClient web, Function<String, String> tokenOf) {
            // Appended to the base URL as written: the client would encode the %20 and %00 of a spoiled path.
            WebTestClient.RequestBodySpec request = web.method(method)
                    .uri(base -> URI.create(base.build().toString().replaceAll("/$", "") + path))
                    .headers(h -> h.setBearerAuth(tokenOf.apply(user)));
            WebTestClient.RequestHeadersSpec<?> withBody = body == null ? request
                    : request.contentType(MediaType.APPLICATION_JSON).bodyValue(body.getBytes(StandardCharsets.UTF_8));
            EntityExchangeResult<byte[]> result = withBody.exchange().expectBody().returnResult();
            String answer = result.getResponseBody() == null ? ""
                    : new String(result.getResponseBody(), StandardCharsets.UTF_8);
            assertThat(result.getStatus().value()).as("%s answered %s", name, answer).isEqualTo(400);
            assertThat(result.getResponseHeaders().getContentType()).as(name)
                    .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            JsonNode problem = parse(answer);
            if (field == null) {
                assertThat(problem.path("type").asText()).as(name + ": " + answer)
                        .isIn(PROBLEM + "validation", PROBLEM + "malformed-request");
            } else {
                // A field error of the generic kind, or of a kind of its own (such as unknown-instrument).
                assertThat(problem.path("type").asText()).as(name + ": " + answer).startsWith(PROBLEM);
                List<String> fields = new ArrayList<>();
                problem.path("errors").forEach(error -> fields.add(error.path("field").asText()));
                assertThat(fields).as(name + ": " + answer).contains(field);
            }
            assertThat(answer).as("never echoes the input: " + name).doesNotContain("\\u0000").doesNotContain("\u0000");
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A table sends hundreds of requests: a token is asked for once a minute per user, not once a case. */
    private static String token(String user) {
        return TOKENS.compute(user, (name, known) -> known != null && known.fetched().isAfter(Instant.now().minusSeconds(60))
                ? known : new Token(Infrastructure.shared().keycloak().accessToken(name), Instant.now())).value();
    }

    private record Token(String value, Instant fetched) {
    }

    private static String replace(String validBody, String field, String rawValue) {
        try {
            JsonNode root = JSON.readTree(validBody);
            JsonNode value = JSON.readTree(rawValue);
            List<Object> segments = new ArrayList<>();
            Matcher matcher = SEGMENT.matcher(field);
            while (matcher.find()) {
                segments.add(matcher.group(1) != null ? matcher.group(1) : Integer.valueOf(matcher.group(2)));
            }
            JsonNode parent = root;
            for (Object segment : segments.subList(0, segments.size() - 1)) {
                parent = segment instanceof Integer index ? parent.get(index) : parent.get((String) segment);
            }
            Object last = segments.get(segments.size() - 1);
            if (last instanceof Integer index) {
                ((ArrayNode) parent).set(index, value);
            } else {
                ((ObjectNode) parent).set((String) last, value);
            }
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + validBody + " / " + rawValue, e);
        }
    }

    private static String firstKey(String body) {
        try {
            return JSON.readTree(body).fieldNames().next();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + body, e);
        }
    }

    private static JsonNode parse(String answer) {
        try {
            return JSON.readTree(answer.isEmpty() ? "{}" : answer);
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }

    private static String shorten(String raw) {
        return raw.length() > 40 ? raw.substring(0, 40) + "…" : raw;
    }
}
