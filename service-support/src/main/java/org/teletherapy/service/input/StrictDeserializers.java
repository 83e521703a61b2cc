package org.teletherapy.service.input;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.jackson.JsonNodeDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** Deserializers that take a value only in its one JSON form: text as a string, times as ISO-8601 strings. */
final class StrictDeserializers {

    private StrictDeserializers() {
    }

    /** A string, and only a string: {@code true} or {@code 42} are not text. */
    static final class Text extends StdScalarDeserializer<String> {

        Text() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw new InvalidInputException(parser, String.class, "must be a text (a JSON string)");
            }
            String text = parser.getString();
            if (InputRules.hasControlCharacters(text)) {
                throw new InvalidInputException(parser, String.class, InputRules.CONTROL_CHARACTERS_MESSAGE);
            }
            return text;
        }
    }

    /** A value written as a string in one format, e.g. an instant; numbers (epoch seconds) are refused. */
    static final class Formatted<T> extends StdScalarDeserializer<T> {

        private final Class<T> type;
        private final Function<String, Optional<T>> parse;
        private final String message;

        Formatted(Class<T> type, Function<String, Optional<T>> parse, String message) {
            super(type);
            this.type = type;
            this.parse = parse;
            this.message = message;
        }

        @Override
        public T deserialize(JsonParser parser, DeserializationContext context) {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                throw new InvalidInputException(parser, type, message);
            }
            return parse.apply(parser.getString()).orElseThrow(() -> new InvalidInputException(parser, type, message));
        }
    }

    static Formatted<Instant> instant() {
        return new Formatted<>(Instant.class, InputRules::instant, InputRules.INSTANT_MESSAGE);
    }

    static Formatted<LocalDate> date() {
        return new Formatted<>(LocalDate.class, InputRules::date, InputRules.DATE_MESSAGE);
    }

    static Formatted<LocalTime> time() {
        return new Formatted<>(LocalTime.class, InputRules::time, InputRules.TIME_MESSAGE);
    }

    static Formatted<UUID> uuid() {
        return new Formatted<>(UUID.class, InputRules::uuid, InputRules.UUID_MESSAGE);
    }

    /**
     * An enum only by its exact name: Jackson would also take its index ({@code 1}) and a padded name
     * ({@code "WEEKLY "}). Unknown names fail in the delegate, which knows the names.
     */
    static final class ExactEnum extends DelegatingDeserializer {

        ExactEnum(ValueDeserializer<?> delegate) {
            super(delegate);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegate) {
            return new ExactEnum(delegate);
        }

        @Override
        public Object deserialize(JsonParser parser, DeserializationContext context) {
            Class<?> type = handledType();
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                return context.handleUnexpectedToken(type, parser);
            }
            String name = parser.getString();
            if (name.isEmpty() || !name.equals(name.strip()) || name.chars().allMatch(Character::isDigit)) {
                return context.handleWeirdStringValue(type, name, "not one of the names of the enum");
            }
            return super.deserialize(parser, context);
        }
    }

    /**
     * Free-form JSON (answers, option values) follows the text rule too: PostgreSQL's jsonb refuses a NUL, and no
     * control character belongs in it. Keys and string values anywhere in the tree are checked.
     */
    static final class CleanTree extends StdDeserializer<JsonNode> {

        private static final ValueDeserializer<?> TREE = JsonNodeDeserializer.getDeserializer(JsonNode.class);

        CleanTree() {
            super(JsonNode.class);
        }

        @Override
        public JsonNode deserialize(JsonParser parser, DeserializationContext context) {
            // Jackson's own tree deserializer: asking the context for a tree would come back here.
            JsonNode tree = (JsonNode) TREE.deserialize(parser, context);
            if (hasControlCharacters(tree)) {
                throw new InvalidInputException(parser, JsonNode.class, InputRules.CONTROL_CHARACTERS_MESSAGE);
            }
            return tree;
        }

        /** A JSON null is a null node, as Jackson's own tree deserializer reads it. */
        @Override
        public JsonNode getNullValue(DeserializationContext context) {
            return context.getNodeFactory().nullNode();
        }

        private static boolean hasControlCharacters(JsonNode node) {
            if (node.isString()) {
                return InputRules.hasControlCharacters(node.stringValue());
            }
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                if (InputRules.hasControlCharacters(property.getKey()) || hasControlCharacters(property.getValue())) {
                    return true;
                }
            }
            if (node.isArray()) {
                for (JsonNode element : node.values()) {
                    if (hasControlCharacters(element)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
