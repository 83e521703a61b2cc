package org.teletherapy.testsupport;

import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of a running application that a role may not call, read from its handlers' {@code @PreAuthorize}
 * rules, so a test can send each one a caller without the role and an invalid body, and expect 403: a new endpoint
 * is covered without anyone remembering to add it.
 */
public final class RoleRefusals {

    /** The demo user that holds each realm role. */
    public static final Map<String, String> DEMO_USER_BY_ROLE =
            Map.of("CLIENT", "client1", "THERAPIST", "therapist1", "OPERATOR", "operator1");

    private static final Pattern RULE = Pattern.compile("hasRole\\('([A-Z]+)'\\)|hasAnyRole\\(((?:'[A-Z]+',?\\s*)+)\\)");
    private static final Pattern ROLE = Pattern.compile("'([A-Z]+)'");
    private static final String INVALID_JSON_BODY = "{\"start\": 12, \"reason\": [ ";

    private RoleRefusals() {
    }

    /** One operation and a role that may not call it. */
    public record Refusal(HttpMethod method, String path, String role) {
        @Override
        public String toString() {
            return role.toLowerCase() + " " + method + " " + path;
        }
    }

    /** Every (operation, role) pair the handlers refuse, in a stable order. */
    public static List<Refusal> of(ApplicationContext context) {
        List<Refusal> refusals = new ArrayList<>();
        context.getBeansOfType(RequestMappingHandlerMapping.class).values().forEach(mapping ->
                mapping.getHandlerMethods().forEach((info, handler) -> {
                    Set<String> allowed = allowedRoles(handler);
                    if (allowed == null) {
                        return;
                    }
                    for (String role : DEMO_USER_BY_ROLE.keySet()) {
                        if (!allowed.contains(role)) {
                            methods(info).forEach(method -> paths(info).forEach(path ->
                                    refusals.add(new Refusal(method, path, role))));
                        }
                    }
                }));
        refusals.sort(Comparator.comparing(Refusal::toString));
        return refusals;
    }

    /** Sends the refused call with the role's demo token and an invalid body; it must be refused as 403. */
    public static void assertRefused(WebTestClient web, Refusal refusal, String token) {
        WebTestClient.RequestBodySpec request = web.method(refusal.method()).uri(refusal.path())
                .headers(headers -> headers.setBearerAuth(token));
        WebTestClient.RequestHeadersSpec<?> sent = HttpMethod.GET.equals(refusal.method())
                || HttpMethod.DELETE.equals(refusal.method())
                ? request
                : request.contentType(MediaType.APPLICATION_JSON).bodyValue(INVALID_JSON_BODY);
        if (refusal.path().startsWith("/fhir/")) {
            // FHIR endpoints answer errors as OperationOutcomes, carrying the same problem type as a coded detail.
            sent.exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentTypeCompatibleWith(MediaType.valueOf("application/fhir+json"))
                    .expectBody()
                    .jsonPath("$.resourceType").isEqualTo("OperationOutcome")
                    .jsonPath("$.issue[0].code").isEqualTo("forbidden")
                    .jsonPath("$.issue[0].details.coding[0].code").isEqualTo("forbidden");
            return;
        }
        sent.exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:forbidden");
    }

    /** The roles a handler's rule names, or null when it declares none (then the service checks ownership). */
    private static Set<String> allowedRoles(HandlerMethod handler) {
        PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
        if (rule == null) {
            rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
        }
        if (rule == null) {
            return null;
        }
        Matcher matcher = RULE.matcher(rule.value().trim());
        assertThat(matcher.matches())
                .as("the rule of %s is a role rule this test understands: %s", handler, rule.value())
                .isTrue();
        Set<String> roles = new TreeSet<>();
        Matcher role = ROLE.matcher(rule.value());
        while (role.find()) {
            roles.add(role.group(1));
        }
        return roles;
    }

    private static List<HttpMethod> methods(RequestMappingInfo info) {
        Set<RequestMethod> declared = info.getMethodsCondition().getMethods();
        return (declared.isEmpty() ? Set.of(RequestMethod.GET) : declared).stream()
                .map(RequestMethod::asHttpMethod).toList();
    }

    private static List<String> paths(RequestMappingInfo info) {
        return info.getPatternsCondition().getPatterns().stream()
                .map(PathPattern::getPatternString)
                .map(pattern -> pattern.replaceAll("\\{[^}]+}", UUID.randomUUID().toString()))
                .toList();
    }
}
