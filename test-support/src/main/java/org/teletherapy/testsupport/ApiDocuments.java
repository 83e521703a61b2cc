package org.teletherapy.testsupport;

import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import org.teletherapy.service.openapi.ProblemTypes;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application's OpenAPI document against what the application really serves: every handler method under
 * {@code /api/} is an operation of the document and every operation is a handler method; each operation names the
 * roles of its {@code @PreAuthorize} and answers the problem types of its {@link ProblemTypes} with
 * {@code application/problem+json}.
 */
public final class ApiDocuments {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern QUOTED = Pattern.compile("'([^']+)'");
    private static final String PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private ApiDocuments() {
    }

    /** A handler method as the document names its operation. */
    public record Endpoint(String method, String path) implements Comparable<Endpoint> {
        @Override
        public int compareTo(Endpoint other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Fetches the document without a token (and keeps a copy in {@code target/openapi/<name>.json}). */
    public static JsonNode fetch(WebTestClient web, String path, String name) {
        byte[] body = web.get().uri(path).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody().returnResult().getResponseBody();
        try {
            Path copy = Path.of("target", "openapi", name + ".json");
            Files.createDirectories(copy.getParent());
            Files.write(copy, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return JSON.readTree(body);
    }

    /** The operations of a document. */
    public static Set<Endpoint> operations(JsonNode document) {
        Set<Endpoint> operations = new TreeSet<>();
        document.path("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            if (isMethod(operation.getKey())) {
                operations.add(new Endpoint(operation.getKey().toUpperCase(Locale.ROOT), path.getKey()));
            }
        }));
        return operations;
    }

    /** The API's handler methods (paths under {@code /api/}) by endpoint. */
    public static Map<Endpoint, HandlerMethod> handlers(ApplicationContext context) {
        Map<Endpoint, HandlerMethod> handlers = new TreeMap<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().forEach((info, handler) -> {
                    for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
                        if (pattern.getPatternString().startsWith("/api/")) {
                            methods(info).forEach(method -> handlers.put(new Endpoint(method, pattern.getPatternString()), handler));
                        }
                    }
                }));
        return handlers;
    }

    /** Every check of this class's description; gives the document for further assertions. */
    public static JsonNode assertDescribesTheApplication(ApplicationContext context, WebTestClient web, String name) {
        return assertDescribesTheApplication(context, web, "/v3/api-docs", name);
    }

    /** The same, for a document served at {@code path}. */
    public static JsonNode assertDescribesTheApplication(ApplicationContext context, WebTestClient web, String path,
                                                         String name) {
        JsonNode document = fetch(web, path, name);
        assertThat(document.path("openapi").asString()).startsWith("3.1.");
        Map<Endpoint, HandlerMethod> handlers = handlers(context);
        assertThat(operations(document)).as("operations of the document, compared with the handler methods")
                .containsExactlyElementsOf(handlers.keySet());
        handlers.forEach((endpoint, handler) -> assertOperation(endpoint, handler,
                document.path("paths").path(endpoint.path()).path(endpoint.method().toLowerCase(Locale.ROOT))));
        return document;
    }

    private static void assertOperation(Endpoint endpoint, HandlerMethod handler, JsonNode operation) {
        PreAuthorize guard = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (guard == null) {
            guard = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        if (guard != null) {
            List<String> named = new ArrayList<>();
            Matcher quoted = QUOTED.matcher(guard.value());
            while (quoted.find()) {
                named.add(quoted.group(1).toLowerCase(Locale.ROOT));
            }
            List<String> roles = new ArrayList<>();
            operation.path("x-roles").forEach(role -> roles.add(role.asString()));
            assertThat(roles).as("roles of %s (%s)", endpoint, guard.value()).isNotEmpty().containsExactlyElementsOf(named);
            assertThat(operation.path("description").asString()).as("description of %s", endpoint)
                    .contains("Roles: " + String.join(", ", named) + ".");
            assertThat(operation.path("security").toString()).as("security of %s", endpoint).contains("bearer");
            assertProblem(endpoint, operation, 401, "unauthorized");
            assertProblem(endpoint, operation, 403, "forbidden");
        }
        if (Arrays.stream(handler.getMethodParameters()).anyMatch(parameter -> parameter.hasParameterAnnotation(PathVariable.class))) {
            assertThat(operation.path("responses").has("404")).as("404 of %s, which has a path id", endpoint).isTrue();
        }
        ProblemTypes declared = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), ProblemTypes.class);
        if (declared != null) {
            Map<Integer, String[]> byStatus = Map.of(400, declared.badRequest(), 403, declared.forbidden(),
                    404, declared.notFound(), 409, declared.conflict(), 410, declared.gone(),
                    413, declared.contentTooLarge(), 422, declared.unprocessable(), 500, declared.serverError(),
                    503, declared.unavailable());
            byStatus.forEach((status, kinds) -> Arrays.stream(kinds).forEach(kind -> assertProblem(endpoint, operation, status, kind)));
        }
        operation.path("responses").properties().forEach(response -> {
            if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                assertThat(response.getValue().path("content").path(PROBLEM_JSON).path("schema").path("$ref").asString())
                        .as("%s answers %s with a problem detail", endpoint, response.getKey())
                        .isEqualTo("#/components/schemas/ProblemDetail");
            }
        });
    }

    /** The operation answers {@code status} with the problem type {@code urn:teletherapy:problem:<kind>}. */
    public static void assertProblem(Endpoint endpoint, JsonNode operation, int status, String kind) {
        List<String> types = new ArrayList<>();
        operation.path("responses").path(String.valueOf(status)).path("x-problem-types").forEach(type -> types.add(type.asString()));
        assertThat(types).as("problem types %s answers with %d", endpoint, status)
                .contains("urn:teletherapy:problem:" + kind);
    }

    private static boolean isMethod(String key) {
        return Arrays.stream(RequestMethod.values()).anyMatch(method -> method.name().equalsIgnoreCase(key));
    }

    private static Set<String> methods(RequestMappingInfo info) {
        Set<String> methods = new TreeSet<>();
        info.getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
        // A mapping without a method would answer every method, which an API operation should not.
        assertThat(methods).as("HTTP methods of %s", info).isNotEmpty();
        return methods;
    }
}
