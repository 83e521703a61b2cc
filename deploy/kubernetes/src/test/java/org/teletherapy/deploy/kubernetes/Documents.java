package org.teletherapy.deploy.kubernetes;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Walking the maps and lists a YAML document is made of: what the operators' resources are checked with. */
final class Documents {

    static Optional<Object> at(Object node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return Optional.empty();
            }
            current = map.get(key);
        }
        return Optional.ofNullable(current);
    }

    /** The map at this path; empty when absent, so that a check can look into it without a null test first. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object node, String... path) {
        return at(node, path).filter(Map.class::isInstance).map(value -> (Map<String, Object>) value).orElse(Map.of());
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object node, String... path) {
        return at(node, path).filter(List.class::isInstance).map(value -> (List<Object>) value).orElse(List.of());
    }

    static Optional<String> string(Object node, String... path) {
        return at(node, path).map(String::valueOf);
    }

    /** A number however YAML typed it (an int, or a string such as "3" in Kafka's config maps). */
    static Optional<Integer> integer(Object node, String... path) {
        return at(node, path).flatMap(value -> {
            if (value instanceof Number number) {
                return Optional.of(number.intValue());
            }
            try {
                return Optional.of(Integer.parseInt(String.valueOf(value).trim()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private Documents() {
    }
}
