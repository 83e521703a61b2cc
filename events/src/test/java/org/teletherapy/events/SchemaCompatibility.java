package org.teletherapy.events;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Whether events written to a snapshot schema can still be read with the current record. Topics keep events and
 * consumers replay them, so a consumer built today must read every event written under an older schema:
 * <ul>
 *   <li>every property of the snapshot still exists, with the same type and format (and, for codes, every value);
 *   <li>no property is required now that was not required in the snapshot, since older events lack it.
 * </ul>
 * Anything else (a new optional property, a new code, a property no longer required) is compatible.
 */
final class SchemaCompatibility {

    record Comparison(List<String> breakingChanges, List<String> compatibleChanges, boolean identical) {

        boolean isCompatible() {
            return breakingChanges.isEmpty();
        }
    }

    static Comparison compare(JsonNode snapshot, JsonNode current) {
        List<String> breaking = new ArrayList<>();
        List<String> compatible = new ArrayList<>();
        compareNode("$", snapshot, current, breaking, compatible);
        return new Comparison(List.copyOf(breaking), List.copyOf(compatible), snapshot.equals(current));
    }

    private static void compareNode(String path, JsonNode was, JsonNode now, List<String> breaking,
            List<String> compatible) {
        if (!was.path("type").equals(now.path("type"))) {
            breaking.add(path + ": type changed from " + describe(was.path("type")) + " to " + describe(now.path("type")));
            return;
        }
        if (!was.path("format").equals(now.path("format"))) {
            breaking.add(path + ": format changed from " + describe(was.path("format")) + " to "
                    + describe(now.path("format")));
        }
        compareEnums(path, was, now, breaking, compatible);
        if (was.has("properties")) {
            compareObjects(path, was, now, breaking, compatible);
        }
        if (was.has("items")) {
            compareNode(path + "[]", was.path("items"), now.path("items"), breaking, compatible);
        }
    }

    private static void compareEnums(String path, JsonNode was, JsonNode now, List<String> breaking,
            List<String> compatible) {
        if (!was.has("enum") || !now.has("enum")) {
            if (now.has("enum") && !was.has("enum")) {
                breaking.add(path + ": now restricted to " + describe(now.path("enum")));
            }
            return;
        }
        Set<String> before = strings(was.path("enum"));
        Set<String> after = strings(now.path("enum"));
        Set<String> removed = new LinkedHashSet<>(before);
        removed.removeAll(after);
        Set<String> added = new LinkedHashSet<>(after);
        added.removeAll(before);
        if (!removed.isEmpty()) {
            breaking.add(path + ": values removed " + removed);
        }
        if (!added.isEmpty()) {
            compatible.add(path + ": values added " + added);
        }
    }

    private static void compareObjects(String path, JsonNode was, JsonNode now, List<String> breaking,
            List<String> compatible) {
        JsonNode propertiesBefore = was.path("properties");
        JsonNode propertiesNow = now.path("properties");
        Set<String> requiredBefore = strings(was.path("required"));
        Set<String> requiredNow = strings(now.path("required"));

        for (String name : propertiesBefore.propertyNames()) {
            if (!propertiesNow.has(name)) {
                breaking.add(path + "." + name + ": removed");
            } else {
                compareNode(path + "." + name, propertiesBefore.path(name), propertiesNow.path(name), breaking,
                        compatible);
            }
        }
        for (String name : propertiesNow.propertyNames()) {
            boolean isNew = !propertiesBefore.has(name);
            boolean newlyRequired = requiredNow.contains(name) && !requiredBefore.contains(name);
            if (isNew && newlyRequired) {
                breaking.add(path + "." + name + ": added as required (events written before lack it)");
            } else if (newlyRequired) {
                breaking.add(path + "." + name + ": became required (events written before may lack it)");
            } else if (isNew) {
                compatible.add(path + "." + name + ": added as optional");
            }
        }
        for (String name : requiredBefore) {
            if (propertiesNow.has(name) && !requiredNow.contains(name)) {
                compatible.add(path + "." + name + ": no longer required");
            }
        }
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        for (JsonNode value : array.values()) {
            values.add(value.asString());
        }
        return values;
    }

    private static String describe(JsonNode node) {
        return node.isMissingNode() ? "none" : node.toString();
    }

    private SchemaCompatibility() {
    }
}
