package org.teletherapy.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The wire format of event data: the JSON object of the record's components, instants as ISO-8601 strings, absent
 * optional components left out. Thread-safe; one instance can serve a whole service.
 *
 * <p>Reading is forward compatible: a consumer built against an older version of a record reads events from a newer
 * producer, ignoring properties it does not know. It still refuses an event that lacks a required property, so code
 * handling an event can rely on every component not marked {@code @Nullable}.
 */
public final class EventJson {

    private final JsonMapper mapper = JsonMapper.builder()
            // Newer producers may add optional properties (the schema snapshot test allows nothing else).
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // The schemas say date-time strings. Jackson 3 already writes ISO-8601 by default; pinned so a change of
            // default cannot silently change the wire format.
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            // A code added later (such as a new cancellation reason) reads as the enum's declared default, if any.
            .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            // Two values for one property, or text after the object, mean the data is not what its producer wrote.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Absent and null mean the same for optional components; leaving them out keeps the schemas simple.
            .changeDefaultPropertyInclusion(inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();

    /**
     * @throws IllegalArgumentException if the event's record is not registered in {@link EventTypes}, or a required
     *     component is null: such an event would be unreadable for every consumer
     */
    public byte[] write(DomainEvent event) {
        String type = EventTypes.typeOf(event.getClass());
        JsonNode tree = mapper.valueToTree(event);
        List<String> missing = RequiredProperties.missingIn(tree, event.getClass());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(type + " event lacks required properties " + missing);
        }
        return mapper.writeValueAsBytes(tree);
    }

    /**
     * Reads the data of an event of the given type ({@link CloudEventHeaders#TYPE}). The caller chooses {@code T}: it
     * must be the type's record or a supertype such as {@link DomainEvent}.
     *
     * @throws UnreadableEventException if the type is unknown or the data does not fit its record
     */
    public <T extends DomainEvent> T read(String type, byte[] json) {
        Objects.requireNonNull(json, "json");
        if (!EventTypes.isKnown(type)) {
            throw new UnreadableEventException(type, "unknown event type");
        }
        Class<? extends DomainEvent> recordClass = EventTypes.classOf(type);
        try {
            JsonNode tree = mapper.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new UnreadableEventException(type, "data is not a JSON object");
            }
            List<String> missing = RequiredProperties.missingIn(tree, recordClass);
            if (!missing.isEmpty()) {
                throw new UnreadableEventException(type, "required properties missing or null: " + missing);
            }
            @SuppressWarnings("unchecked") // the caller states what it expects; a wrong T fails at its own assignment
            T event = (T) mapper.treeToValue(tree, recordClass);
            return event;
        } catch (JacksonException e) {
            // Jackson's message quotes the offending input, which may be about a client, so it is neither kept nor
            // chained as the cause: only the kind of problem and where it is.
            throw new UnreadableEventException(type, describe(e));
        }
    }

    private static String describe(JacksonException e) {
        StringBuilder description = new StringBuilder(e.getClass().getSimpleName());
        String path = pathOf(e);
        if (!path.isEmpty()) {
            description.append(" at property ").append(path);
        }
        TokenStreamLocation location = e.getLocation();
        if (path.isEmpty() && location != null && location.getLineNr() > 0) {
            description.append(" at line ").append(location.getLineNr())
                    .append(", column ").append(location.getColumnNr());
        }
        return description.toString();
    }

    private static String pathOf(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
