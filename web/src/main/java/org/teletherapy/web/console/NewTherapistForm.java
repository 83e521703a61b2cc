package org.teletherapy.web.console;

import org.teletherapy.web.api.ApiProblem;

import java.util.Map;
import java.util.stream.Collectors;

/**
 * The new therapist's form: what was typed (kept when the API refuses it), the API's reason beside each field it
 * named, and a reason for the whole form (an existing account, an unreachable identity service).
 */
public record NewTherapistForm(Map<String, String> values, Map<String, String> errors, String problem,
                               boolean notSent) {

    static NewTherapistForm empty() {
        return new NewTherapistForm(Map.of(), Map.of(), null, false);
    }

    static NewTherapistForm refused(Map<String, String> values, ApiProblem problem) {
        Map<String, String> errors = problem.errors().stream().collect(Collectors.toMap(ApiProblem.FieldError::field,
                ApiProblem.FieldError::message, (first, second) -> first));
        return new NewTherapistForm(values, errors, errors.isEmpty() ? problem.detail() : null, false);
    }

    static NewTherapistForm notSent(Map<String, String> values) {
        return new NewTherapistForm(values, Map.of(), null, true);
    }

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public String error(String field) {
        return errors.get(field);
    }
}
