package org.teletherapy.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.teletherapy.events.exercises.MeasureScored;

/**
 * DESIGN.md §7: payloads carry ids, times and statuses, never note text, questionnaire answers or contact details.
 * Free text is what leaks those, so a String component must be a reviewed exception listed here.
 */
class EventPayloadRulesTest {

    /** Strings known to hold a code from a closed list, documented on the record. */
    private static final Set<String> STRING_CODES = Set.of(MeasureScored.class.getSimpleName() + ".severity");

    private static final Set<Class<?>> ALLOWED_TYPES = Set.of(
            UUID.class, Instant.class, boolean.class, int.class, long.class);

    static Stream<String> eventTypes() {
        return EventTypes.all().stream();
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void carriesOnlyIdsTimesAndCodes(String type) {
        for (RecordComponent component : EventTypes.classOf(type).getRecordComponents()) {
            String name = component.getDeclaringRecord().getSimpleName() + "." + component.getName();
            Class<?> javaType = component.getType();
            assertThat(ALLOWED_TYPES.contains(javaType) || javaType.isEnum() || STRING_CODES.contains(name))
                    .withFailMessage("%s is a %s. Events carry ids, times and codes only; make a code an enum, and "
                            + "never put text a person wrote, answers, names or contact details in an event.",
                            name, javaType.getSimpleName())
                    .isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void alwaysSaysWhichClientAndWhen(String type) {
        for (String required : new String[] {"clientId", "occurredAt"}) {
            RecordComponent component = Stream.of(EventTypes.classOf(type).getRecordComponents())
                    .filter(candidate -> candidate.getName().equals(required))
                    .findFirst()
                    .orElseThrow();
            assertThat(RequiredProperties.isOptional(component)).as("%s.%s is optional", type, required).isFalse();
        }
    }
}
