package org.teletherapy.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class EventTypesTest {

    static Stream<String> eventTypes() {
        return EventTypes.all().stream();
    }

    @ParameterizedTest
    @CsvSource({
        "session.booked,       teletherapy.sessions.v1",
        "session.rescheduled,  teletherapy.sessions.v1",
        "session.cancelled,    teletherapy.sessions.v1",
        "session.completed,    teletherapy.sessions.v1",
        "session.noshow,       teletherapy.sessions.v1",
        "roster.linked,        teletherapy.sessions.v1",
        "roster.unlinked,      teletherapy.sessions.v1",
        "client.erased,        teletherapy.sessions.v1",
        "note.signed,          teletherapy.notes.v1",
        "notes.erased,         teletherapy.notes.v1",
        "exercise.assigned,    teletherapy.exercises.v1",
        "exercise.submitted,   teletherapy.exercises.v1",
        "exercise.overdue,     teletherapy.exercises.v1",
        "measure.scored,       teletherapy.exercises.v1",
        "measure.safety-alert, teletherapy.exercises.v1",
        "measure.safety-alert-acknowledged, teletherapy.exercises.v1",
        "erasure.part-done,    teletherapy.erasure.v1"
    })
    void everyEventTypeOfTheDesignGoesToItsProducersTopic(String type, String topic) {
        assertThat(EventTypes.topicOf(type)).isEqualTo(topic);
    }

    @Test
    void registersExactlyTheEventTypesOfTheDesign() {
        assertThat(EventTypes.all()).containsExactlyInAnyOrder(
                "session.booked", "session.rescheduled", "session.cancelled", "session.completed", "session.noshow",
                "roster.linked", "roster.unlinked", "client.erased", "note.signed", "notes.erased",
                "exercise.assigned", "exercise.submitted", "exercise.overdue", "measure.scored",
                "measure.safety-alert", "measure.safety-alert-acknowledged", "erasure.part-done");
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void typeAndRecordMapBothWaysAndMatchTheRecordsTypeConstant(String type) throws ReflectiveOperationException {
        Class<? extends DomainEvent> recordClass = EventTypes.classOf(type);
        Field typeConstant = recordClass.getField("TYPE");

        assertThat(recordClass.isRecord()).isTrue();
        assertThat(EventTypes.typeOf(recordClass)).isEqualTo(type);
        assertThat(Modifier.isStatic(typeConstant.getModifiers()) && Modifier.isFinal(typeConstant.getModifiers()))
                .isTrue();
        assertThat(typeConstant.get(null)).isEqualTo(type);
    }

    @Test
    void unknownTypesAndClassesAreRejected() {
        assertThat(EventTypes.isKnown("session.teleported")).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> EventTypes.classOf("session.teleported"));
        assertThatIllegalArgumentException().isThrownBy(() -> EventTypes.topicOf("session.teleported"));
        assertThatIllegalArgumentException().isThrownBy(() -> EventTypes.typeOf(String.class));
    }

    @Test
    void theListOfTypesCannotBeChanged() {
        assertThatThrownBy(() -> EventTypes.all().add("session.teleported"))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
