package org.teletherapy.web.caseload;

import org.springframework.util.MultiValueMap;
import org.teletherapy.web.api.ApiProblem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The invitation form: a new client's name and e-mail address, as typed, with what the API said of them next to
 * each field. The roster API creates the account (or links an existing client's) and sends the invitation.
 *
 * @param general a message about the whole form (the identity service is away), or null
 */
public record Invitation(String firstName, String lastName, String email, Map<String, String> errors, String general) {

    static final List<String> FIELDS = List.of("firstName", "lastName", "email");

    static Invitation empty() {
        return new Invitation("", "", "", Map.of(), null);
    }

    static Invitation typed(MultiValueMap<String, String> form) {
        return new Invitation(value(form, "firstName"), value(form, "lastName"), value(form, "email"), Map.of(), null);
    }

    Map<String, String> body() {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("firstName", firstName);
        body.put("lastName", lastName);
        body.put("email", email);
        return body;
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean invalid(String field) {
        return errors.containsKey(field);
    }

    public boolean refused() {
        return !errors.isEmpty() || general != null;
    }

    /** {@code words}: a message by key, or null where there is none. */
    Invitation refused(ApiProblem problem, BiFunction<String, Object[], String> words) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ApiProblem.FieldError error : problem.errors()) {
            if (FIELDS.contains(error.field())) {
                String text = error.message().equals("must not be blank")
                        ? words.apply("caseload.invite.error.required", null) : error.message();
                errors.merge(error.field(), text, (first, second) -> first);
            }
        }
        String general = null;
        if ("account-exists".equals(problem.kind())) {
            errors.put("email", words.apply("caseload.invite.error.account-exists", null));
        } else if (errors.isEmpty()) {
            general = words.apply("caseload.invite.failed", null);
        }
        return new Invitation(firstName, lastName, email, errors, general);
    }

    Invitation unavailable(BiFunction<String, Object[], String> words) {
        return new Invitation(firstName, lastName, email, Map.of(), words.apply("caseload.invite.unavailable", null));
    }

    private static String value(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.strip();
    }
}
