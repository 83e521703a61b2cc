package org.teletherapy.web.console;

import org.teletherapy.web.api.ApiProblem;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The erasure form: what was typed, kept through the confirmation step and when the API refuses it; the reason
 * beside each field. Only the shape of the id is checked here (so that nobody confirms a typo); whether it is a
 * client's is the API's answer.
 */
public record ErasureForm(Map<String, String> values, Map<String, String> errors, String problem, boolean notSent) {

    static final List<String> FIELDS = List.of("clientId", "reason", "reference");
    /** The refusals the form words itself; any other is {@code other}. */
    private static final Set<String> KNOWN_PROBLEMS = Set.of("unknown-client", "not-a-client", "identity-unavailable");

    static ErasureForm empty() {
        return new ErasureForm(Map.of("reason", "client-request"), Map.of(), null, false);
    }

    static ErasureForm of(Map<String, String> values) {
        Map<String, String> errors = new HashMap<>();
        try {
            UUID.fromString(values.getOrDefault("clientId", ""));
        } catch (IllegalArgumentException notAnId) {
            errors.put("clientId", "invalid");
        }
        if (!ErasuresController.REASONS.contains(values.getOrDefault("reason", ""))) {
            errors.put("reason", "invalid");
        }
        return new ErasureForm(Map.copyOf(values), Map.copyOf(errors), null, false);
    }

    /** The API's reasons: beside the field it names, or for the whole form (an unknown client, say). */
    ErasureForm refused(ApiProblem problem) {
        Map<String, String> fieldErrors = problem.errors().stream().collect(Collectors.toMap(ApiProblem.FieldError::field,
                ApiProblem.FieldError::message, (first, second) -> first));
        String kind = KNOWN_PROBLEMS.contains(problem.kind()) ? problem.kind() : "other";
        return new ErasureForm(values, fieldErrors, fieldErrors.isEmpty() ? kind : null, false);
    }

    ErasureForm unsent() {
        return new ErasureForm(values, Map.of(), null, true);
    }

    boolean hasErrors() {
        return !errors.isEmpty();
    }

    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", value("clientId"));
        body.put("reason", value("reason"));
        if (!value("reference").isEmpty()) {
            body.put("reference", value("reference"));
        }
        return body;
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    /** A message key's last part ({@code invalid}) for the form's own checks, or the API's message. */
    public String error(String field) {
        return errors.get(field);
    }
}
