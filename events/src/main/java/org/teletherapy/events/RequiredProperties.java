package org.teletherapy.events;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Which properties an event's JSON must carry: one per record component, named after it, each required unless the
 * component is marked {@link Nullable @Nullable}. The same rule makes the schemas' {@code required} lists.
 */
final class RequiredProperties {

    static boolean isOptional(RecordComponent component) {
        return component.getAnnotatedType().isAnnotationPresent(Nullable.class);
    }

    /** Paths of the required properties that are absent or null in {@code object}, nested records included. */
    static List<String> missingIn(JsonNode object, Class<?> recordClass) {
        List<String> missing = new ArrayList<>();
        collectMissing("", object, recordClass, missing);
        return missing;
    }

    private static void collectMissing(String prefix, JsonNode object, Class<?> recordClass, List<String> missing) {
        for (RecordComponent component : recordClass.getRecordComponents()) {
            String path = prefix + component.getName();
            JsonNode value = object.get(component.getName());
            if (value == null || value.isNull()) {
                if (!isOptional(component)) {
                    missing.add(path);
                }
            } else if (component.getType().isRecord() && value.isObject()) {
                collectMissing(path + ".", value, component.getType(), missing);
            }
        }
    }

    private RequiredProperties() {
    }
}
