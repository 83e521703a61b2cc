package org.teletherapy.service.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import jakarta.validation.Valid;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.method.HandlerMethod;
import org.teletherapy.service.problem.Problems;

import java.lang.annotation.Annotation;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Adds to every operation what its handler already says: the roles of its {@code @PreAuthorize} ({@code x-roles}, a
 * sentence in the description and the bearer requirement), and the problem details it can answer, the generic ones
 * from its signature and the specific ones of its {@link ProblemTypes}.
 */
final class ProblemResponsesCustomizer implements OperationCustomizer {

    static final String PROBLEM_SCHEMA = "ProblemDetail";
    static final String BEARER_SCHEME = "bearer";
    static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Map<HttpStatus, Set<String>> problems = new TreeMap<>();
        boolean readsInput = Arrays.stream(handler.getMethodParameters()).anyMatch(ProblemResponsesCustomizer::isInput);
        if (readsInput) {
            add(problems, HttpStatus.BAD_REQUEST, "malformed-request");
        }
        if (Arrays.stream(handler.getMethodParameters()).anyMatch(ProblemResponsesCustomizer::isValidated)) {
            add(problems, HttpStatus.BAD_REQUEST, "validation");
        }
        Optional<String> guard = OperationRoles.expression(handler);
        guard.ifPresent(expression -> {
            List<String> roles = OperationRoles.of(expression);
            operation.addExtension("x-roles", roles);
            operation.setDescription(join(operation.getDescription(), roles.isEmpty()
                    ? "Any signed-in caller."
                    : "Roles: " + String.join(", ", roles) + "."));
            operation.addSecurityItem(new SecurityRequirement().addList(BEARER_SCHEME));
            add(problems, HttpStatus.UNAUTHORIZED, "unauthorized");
            add(problems, HttpStatus.FORBIDDEN, "forbidden");
        });
        ProblemTypes declared = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), ProblemTypes.class);
        if (declared != null) {
            add(problems, HttpStatus.BAD_REQUEST, declared.badRequest());
            add(problems, HttpStatus.FORBIDDEN, declared.forbidden());
            add(problems, HttpStatus.NOT_FOUND, declared.notFound());
            add(problems, HttpStatus.CONFLICT, declared.conflict());
            add(problems, HttpStatus.GONE, declared.gone());
            add(problems, HttpStatus.CONTENT_TOO_LARGE, declared.contentTooLarge());
            add(problems, HttpStatus.UNPROCESSABLE_CONTENT, declared.unprocessable());
            add(problems, HttpStatus.INTERNAL_SERVER_ERROR, declared.serverError());
            add(problems, HttpStatus.SERVICE_UNAVAILABLE, declared.unavailable());
        }
        boolean hasPathId = Arrays.stream(handler.getMethodParameters()).anyMatch(p -> p.hasParameterAnnotation(PathVariable.class));
        if (hasPathId && !problems.containsKey(HttpStatus.NOT_FOUND)) {
            add(problems, HttpStatus.NOT_FOUND, "not-found");
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        problems.forEach((status, kinds) -> responses.addApiResponse(String.valueOf(status.value()), response(status, kinds)));
        operation.setResponses(sorted(responses));
        return operation;
    }

    private static ApiResponse response(HttpStatus status, Set<String> kinds) {
        MediaType problemJson = new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA));
        for (String kind : kinds) {
            problemJson.addExamples(kind, new Example().value(Map.of("type", Problems.type(kind).toString(),
                    "status", status.value())));
        }
        ApiResponse response = new ApiResponse()
                .description(status.getReasonPhrase() + ": " + kinds.stream().map(kind -> "`" + kind + "`")
                        .collect(Collectors.joining(", ")))
                .content(new Content().addMediaType(PROBLEM_JSON, problemJson));
        response.addExtension("x-problem-types", kinds.stream().map(kind -> Problems.type(kind).toString()).toList());
        return response;
    }

    /** Successes first, then the problems by status, as a reader scans them. */
    private static ApiResponses sorted(ApiResponses responses) {
        ApiResponses ordered = new ApiResponses();
        new TreeMap<>(responses).forEach(ordered::addApiResponse);
        ordered.setExtensions(responses.getExtensions());
        return ordered;
    }

    private static boolean isInput(MethodParameter parameter) {
        return Arrays.stream(parameter.getParameterAnnotations()).map(Annotation::annotationType)
                .map(Class::getPackageName)
                .anyMatch("org.springframework.web.bind.annotation"::equals);
    }

    private static boolean isValidated(MethodParameter parameter) {
        return parameter.hasParameterAnnotation(Valid.class) || parameter.hasParameterAnnotation(Validated.class)
                || Arrays.stream(parameter.getParameterAnnotations()).map(Annotation::annotationType)
                .map(Class::getPackageName).anyMatch("jakarta.validation.constraints"::equals);
    }

    private static void add(Map<HttpStatus, Set<String>> problems, HttpStatus status, String... kinds) {
        if (kinds.length > 0) {
            problems.computeIfAbsent(status, s -> new LinkedHashSet<>()).addAll(List.of(kinds));
        }
    }

    private static String join(String description, String sentence) {
        return description == null || description.isBlank() ? sentence : description + "\n\n" + sentence;
    }
}
