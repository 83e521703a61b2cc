package org.teletherapy.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Derives the JSON schema (draft 2020-12) of an event's data from its record, following the mapping {@link EventJson}
 * writes. Only the types events may use are mapped; any other fails loudly rather than guessing.
 */
final class RecordSchemas {

    static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    // The layout most JSON tools write ("name": value), so a snapshot reads like a hand-written schema.
    private static final DefaultPrettyPrinter LAYOUT = new DefaultPrettyPrinter(Separators.createDefaultInstance()
            .withObjectNameValueSpacing(Separators.Spacing.AFTER)
            .withArrayEmptySeparator("")
            .withObjectEmptySeparator(""));
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static ObjectNode schemaOf(String type, Class<? extends Record> recordClass) {
        ObjectNode schema = NODES.objectNode();
        schema.put("$schema", DRAFT_2020_12);
        schema.put("title", type);
        schema.setAll(objectSchema(recordClass));
        return schema;
    }

    /** The committed form: two-space indentation and a final newline, so diffs stay small and stable. */
    static String toText(ObjectNode schema) {
        return JSON.writer().with(LAYOUT).writeValueAsString(schema) + "\n";
    }

    private static ObjectNode objectSchema(Class<?> recordClass) {
        ObjectNode schema = NODES.objectNode().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        ArrayNode required = NODES.arrayNode();
        for (RecordComponent component : recordClass.getRecordComponents()) {
            properties.set(component.getName(), schemaOfType(component.getGenericType(), component));
            if (!RequiredProperties.isOptional(component)) {
                required.add(component.getName());
            }
        }
        schema.set("required", required);
        return schema;
    }

    private static ObjectNode schemaOfType(Type type, RecordComponent component) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            ObjectNode schema = NODES.objectNode().put("type", "array");
            schema.set("items", schemaOfType(parameterized.getActualTypeArguments()[0], component));
            return schema;
        }
        if (!(type instanceof Class<?> javaClass)) {
            throw unmapped(type, component);
        }
        if (javaClass == UUID.class) {
            return NODES.objectNode().put("type", "string").put("format", "uuid");
        }
        if (javaClass == Instant.class) {
            return NODES.objectNode().put("type", "string").put("format", "date-time");
        }
        if (javaClass == String.class) {
            return NODES.objectNode().put("type", "string");
        }
        if (javaClass == boolean.class || javaClass == Boolean.class) {
            return NODES.objectNode().put("type", "boolean");
        }
        if (javaClass == int.class || javaClass == Integer.class || javaClass == long.class || javaClass == Long.class) {
            return NODES.objectNode().put("type", "integer");
        }
        if (javaClass.isEnum()) {
            ObjectNode schema = NODES.objectNode().put("type", "string");
            ArrayNode values = schema.putArray("enum");
            for (Object constant : javaClass.getEnumConstants()) {
                values.add(wireName((Enum<?>) constant));
            }
            return schema;
        }
        if (javaClass.isRecord()) {
            return objectSchema(javaClass);
        }
        throw unmapped(type, component);
    }

    /** Jackson writes an enum constant as its {@code @JsonProperty} name when it has one. */
    private static String wireName(Enum<?> constant) {
        try {
            Field field = constant.getDeclaringClass().getField(constant.name());
            JsonProperty property = field.getAnnotation(JsonProperty.class);
            return property != null && !property.value().isEmpty() ? property.value() : constant.name();
        } catch (NoSuchFieldException e) {
            throw new IllegalStateException(e);
        }
    }

    private static IllegalArgumentException unmapped(Type type, RecordComponent component) {
        return new IllegalArgumentException("No JSON schema mapping for " + type.getTypeName() + " (component "
                + component.getDeclaringRecord().getSimpleName() + "." + component.getName()
                + "); events carry ids, times and codes: use UUID, Instant, an enum, a number or a boolean");
    }

    private RecordSchemas() {
    }
}
