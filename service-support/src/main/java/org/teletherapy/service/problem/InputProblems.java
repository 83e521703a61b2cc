package org.teletherapy.service.problem;

import org.springframework.beans.TypeMismatchException;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.teletherapy.service.input.InputRules;
import org.teletherapy.service.input.InvalidInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns what Jackson and parameter conversion report into {@code malformed-request} problems that name the field (its JSON path, or the
 * parameter) and say what it must be: for an enum, the values as the API spells them. Never the value sent.
 */
final class InputProblems {

    private static final Set<Class<?>> WHOLE_NUMBERS = Set.of(Integer.class, int.class, Long.class, long.class,
            Short.class, short.class, Byte.class, byte.class, BigInteger.class);
    private static final Set<Class<?>> NUMBERS = Set.of(Double.class, double.class, Float.class, float.class, BigDecimal.class);
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]{1,200})\"");

    private final JsonMapper json;

    InputProblems(JsonMapper json) {
        this.json = json;
    }

    /** The Bean Validation shape: type {@code validation} with {@code errors[]} of field and message. */
    static ProblemDetail validation(List<Map<String, String>> errors) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                "Some fields are missing or invalid.");
        problem.setProperty("errors", errors);
        return problem;
    }

    static Map<String, String> error(String field, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("message", message);
        return error;
    }

    static ProblemDetail malformed(String detail) {
        return Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail);
    }

    /** A body Jackson could not read: a field error where the value is at fault, else a malformed request. */
    ProblemDetail body(JacksonException error) {
        String field = path(error);
        if (error instanceof StreamConstraintsException) {
            return malformed("The request body is too large or too deeply nested.");
        }
        if (isDuplicateKey(error)) {
            String key = duplicateKey(error).orElse("");
            String where = field.isEmpty() ? key : key.isEmpty() ? field : field + "." + key;
            ProblemDetail problem = malformed("A key appears more than once in the same object.");
            if (!where.isEmpty()) {
                problem.setProperty("errors", List.of(error(where, "appears more than once")));
            }
            return problem;
        }
        if (error instanceof StreamReadException && !(error instanceof InputCoercionException)) {
            return malformed(location("The request body is not valid JSON", error));
        }
        if (field.isEmpty()) {
            return error.getOriginalMessage() != null && error.getOriginalMessage().startsWith("Trailing token")
                    ? malformed("The request body must hold one JSON value; something follows it.")
                    : malformed("The request body must be a JSON object.");
        }
        return unreadable(List.of(error(field, message(error))));
    }

    /** A path or query parameter (or header) that could not be converted to its type. */
    ProblemDetail parameter(MethodParameter parameter, TypeMismatchException mismatch) {
        String name = parameter != null && parameter.getParameterName() != null ? parameter.getParameterName()
                : mismatch.getPropertyName() != null ? mismatch.getPropertyName() : "parameter";
        return unreadable(List.of(error(name, expected(mismatch.getRequiredType()))));
    }

    /**
     * Values that could not be read as their type keep the kind they always had, {@code malformed-request}, now
     * with the same {@code errors[]} as Bean Validation's {@code validation} problems.
     */
    static ProblemDetail unreadable(List<Map<String, String>> errors) {
        ProblemDetail problem = malformed("Some values could not be read: they have the wrong type or form.");
        problem.setProperty("errors", errors);
        return problem;
    }

    private String message(JacksonException error) {
        if (error instanceof InvalidInputException invalid) {
            return invalid.reason();
        }
        if (error instanceof InvalidNullException) {
            return "must not be null";
        }
        if (error instanceof InputCoercionException) {
            return "is out of range";
        }
        if (error instanceof ValueInstantiationException instantiation) {
            // An enum's own @JsonCreator refused the name: still say which names there are.
            Class<?> type = instantiation.getType() == null ? null : instantiation.getType().getRawClass();
            return type != null && type.isEnum() ? expected(type) : "is invalid";
        }
        if (error instanceof MismatchedInputException mismatch) {
            return expected(mismatch.getTargetType());
        }
        return "is invalid";
    }

    private String expected(Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of " + Arrays.stream(type.getEnumConstants()).map(this::wireName)
                    .collect(Collectors.joining(", "));
        }
        if (WHOLE_NUMBERS.contains(type)) {
            return "must be a whole number";
        }
        if (NUMBERS.contains(type)) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type == String.class) {
            return "must be a text (a JSON string)";
        }
        if (type == UUID.class) {
            return InputRules.UUID_MESSAGE;
        }
        if (type == Instant.class) {
            return InputRules.INSTANT_MESSAGE;
        }
        if (type == LocalDate.class) {
            return InputRules.DATE_MESSAGE;
        }
        if (type == LocalTime.class) {
            return InputRules.TIME_MESSAGE;
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "must be a list";
        }
        return "must be an object";
    }

    /** The enum constant as the API writes it, e.g. {@code schedule-conflict} for SCHEDULE_CONFLICT. */
    private String wireName(Object constant) {
        try {
            return json.valueToTree(constant).asString();
        } catch (JacksonException e) {
            return ((Enum<?>) constant).name();
        }
    }

    /** The JSON path of the field, e.g. {@code weekly[2].day}; names sent by the caller are quoted short. */
    static String path(JacksonException error) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : error.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(Problems.quote(reference.getPropertyName()));
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static boolean isDuplicateKey(JacksonException error) {
        return error instanceof StreamReadException && error.getOriginalMessage() != null
                && error.getOriginalMessage().startsWith("Duplicate Object property");
    }

    private static Optional<String> duplicateKey(JacksonException error) {
        Matcher quoted = QUOTED.matcher(error.getOriginalMessage());
        return quoted.find() ? Optional.of(Problems.quote(quoted.group(1))) : Optional.empty();
    }

    private static String location(String what, JacksonException error) {
        return error.getLocation() == null || error.getLocation().getLineNr() < 0 ? what + "."
                : what + " (line " + error.getLocation().getLineNr() + ", column " + error.getLocation().getColumnNr() + ").";
    }

    /** The Jackson error in a decoding failure's cause chain, if that is what it is. */
    static Optional<JacksonException> jackson(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof JacksonException jackson) {
                return Optional.of(jackson);
            }
        }
        return Optional.empty();
    }

    static Optional<TypeMismatchException> typeMismatch(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TypeMismatchException mismatch) {
                return Optional.of(mismatch);
            }
        }
        return Optional.empty();
    }
}
