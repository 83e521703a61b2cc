package org.teletherapy.service.input;

import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.type.LogicalType;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * Strict JSON input for every service's API: a value is read in its one JSON form or refused, never coerced.
 * Numbers are not enums, {@code 1.5} is not an integer, {@code "5"} is not a number, {@code true} is not a text,
 * {@code 1767225600} is not a date, a timestamp is not a date; duplicate keys and anything after the value are
 * errors. Applied to the application's {@link JsonMapper} (and so to the WebFlux codecs) by service-support.
 */
public final class StrictJson {

    private StrictJson() {
    }

    public static JsonMapper.Builder configure(JsonMapper.Builder builder) {
        return builder
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE, EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
                .withCoercionConfig(LogicalType.Integer, strings -> strings
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Float, strings -> strings
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .withCoercionConfig(LogicalType.Boolean, strings -> strings
                        .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
                .addModule(module());
    }

    private static SimpleModule module() {
        SimpleModule module = new SimpleModule("teletherapy-strict-input");
        module.addDeserializer(String.class, new StrictDeserializers.Text());
        module.addDeserializer(Instant.class, StrictDeserializers.instant());
        module.addDeserializer(LocalDate.class, StrictDeserializers.date());
        module.addDeserializer(LocalTime.class, StrictDeserializers.time());
        module.addDeserializer(UUID.class, StrictDeserializers.uuid());
        module.addDeserializer(JsonNode.class, new StrictDeserializers.CleanTree());
        module.setDeserializerModifier(new ValueDeserializerModifier() {
            @Override
            public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
                                                               BeanDescription.Supplier description,
                                                               ValueDeserializer<?> deserializer) {
                return new StrictDeserializers.ExactEnum(deserializer);
            }
        });
        return module;
    }
}
