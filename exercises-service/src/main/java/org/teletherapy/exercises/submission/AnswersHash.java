package org.teletherapy.exercises.submission;

import org.teletherapy.service.idempotency.IdempotencyKeys;
import tools.jackson.databind.JsonNode;

import java.util.Comparator;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an Idempotency-Key is kept with: a SHA-256 over the answers in a canonical form (object keys sorted), so a
 * retry of the same hand-in matches however its JSON was laid out, and different answers under the same key do not.
 */
final class AnswersHash {

    private AnswersHash() {
    }

    static String of(Map<String, JsonNode> answers) {
        StringBuilder canonical = new StringBuilder("{");
        new TreeMap<>(answers).forEach((item, answer) -> append(canonical.append(quoted(item)).append(':'), answer)
                .append(','));
        return IdempotencyKeys.requestHash(canonical.append('}').toString());
    }

    private static StringBuilder append(StringBuilder out, JsonNode node) {
        if (node == null || node.isNull()) {
            return out.append("null");
        }
        if (node.isObject()) {
            out.append('{');
            node.properties().stream().sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                    .forEach(property -> append(out.append(quoted(property.getKey())).append(':'), property.getValue())
                            .append(','));
            return out.append('}');
        }
        if (node.isArray()) {
            out.append('[');
            node.forEach(element -> append(out, element).append(','));
            return out.append(']');
        }
        return out.append(node);
    }

    private static String quoted(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
