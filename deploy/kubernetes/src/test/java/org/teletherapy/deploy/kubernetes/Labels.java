package org.teletherapy.deploy.kubernetes;

import io.kubernetes.client.openapi.models.V1LabelSelector;
import io.kubernetes.client.openapi.models.V1LabelSelectorRequirement;

import java.util.List;
import java.util.Map;

/** Kubernetes label selectors, evaluated as the API server does. */
final class Labels {

    /** Whether the selector selects an object with these labels. A missing selector selects nothing. */
    static boolean matches(V1LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> matchLabels = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        for (Map.Entry<String, String> required : matchLabels.entrySet()) {
            if (!required.getValue().equals(labels.get(required.getKey()))) {
                return false;
            }
        }
        List<V1LabelSelectorRequirement> expressions =
                selector.getMatchExpressions() == null ? List.of() : selector.getMatchExpressions();
        for (V1LabelSelectorRequirement expression : expressions) {
            String value = labels.get(expression.getKey());
            List<String> values = expression.getValues() == null ? List.of() : expression.getValues();
            boolean holds = switch (expression.getOperator()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new IllegalArgumentException("unknown selector operator " + expression.getOperator());
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    /** Whether this selector has any requirement at all (an empty one selects everything). */
    static boolean isEmpty(V1LabelSelector selector) {
        return selector != null && (selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && (selector.getMatchExpressions() == null || selector.getMatchExpressions().isEmpty());
    }

    private Labels() {
    }
}
