package org.teletherapy.service.fhir;

import org.springframework.util.MultiValueMap;
import org.teletherapy.service.fhir.FhirProblems.InvalidSearchException;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Reads FHIR search parameters strictly: a parameter the server does not support is refused with 400 rather than
 * ignored (FHIR lets a server choose; "handling=strict" is the safe one for health data, since a silently ignored
 * filter returns more than was asked for).
 */
public final class Search {

    /** Parameters about the answer's form, not its content, which any search may carry. */
    private static final Set<String> FORMAT = Set.of("_format", "_pretty");
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Search() {
    }

    /** Refuses parameters outside {@code supported}, and any supported one given more than once. */
    public static void onlyKnown(MultiValueMap<String, String> parameters, Set<String> supported) {
        parameters.forEach((name, values) -> {
            if (FORMAT.contains(name)) {
                return;
            }
            if (!supported.contains(name)) {
                throw new InvalidSearchException(Problemless.name(name), "is not supported here.");
            }
            if (values.size() > 1) {
                throw new InvalidSearchException(name, "may be given once.");
            }
        });
    }

    /** The {@code patient} parameter: {@code Patient/<id>} or the bare id; required. */
    public static UUID patient(MultiValueMap<String, String> parameters) {
        String value = parameters.getFirst("patient");
        if (value == null || value.isBlank()) {
            throw new InvalidSearchException("patient", "is required.");
        }
        return id("patient", value.startsWith("Patient/") ? value.substring("Patient/".length()) : value);
    }

    /** A resource id of ours (a UUID). */
    public static UUID id(String parameter, String value) {
        if (value == null || !UUID_TEXT.matcher(value).matches()) {
            throw new InvalidSearchException(parameter, "must be one of our ids (a UUID, for a patient also Patient/<uuid>).");
        }
        return UUID.fromString(value);
    }

    /** A token parameter's codes, each {@code system|code} or a bare {@code code}, comma-separated (FHIR's OR). */
    public static List<Token> tokens(MultiValueMap<String, String> parameters, String name) {
        String value = parameters.getFirst(name);
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return List.of(value.split(",")).stream().map(String::trim).map(token -> {
            int bar = token.indexOf('|');
            return bar < 0 ? new Token(null, token) : new Token(token.substring(0, bar).isEmpty() ? null
                    : token.substring(0, bar), token.substring(bar + 1));
        }).toList();
    }

    /** @param system null when the search gave none (any system matches) */
    public record Token(String system, String code) {

        public boolean matches(String codeSystem, String value) {
            return code.equals(value) && (system == null || system.equals(codeSystem));
        }
    }

    /** Parameter names are quoted back only when short and plain: a name is caller input like any other. */
    private static final class Problemless {
        static String name(String name) {
            return name.matches("[A-Za-z0-9_:.-]{1,40}") ? name : "(unreadable)";
        }
    }
}
