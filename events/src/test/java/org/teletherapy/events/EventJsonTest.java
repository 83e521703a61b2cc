package org.teletherapy.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.teletherapy.events.exercises.ExerciseAssigned;
import org.teletherapy.events.sessions.Actor;
import org.teletherapy.events.sessions.CancellationReason;
import org.teletherapy.events.sessions.SessionBooked;
import org.teletherapy.events.sessions.SessionCancelled;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class EventJsonTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final EventJson eventJson = new EventJson();

    static Stream<String> eventTypes() {
        return EventTypes.all().stream();
    }

    @Test
    void thereIsASampleOfEveryEventType() {
        assertThat(SampleEvents.types()).containsExactlyInAnyOrderElementsOf(EventTypes.all());
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void roundTripKeepsEveryComponent(String type) {
        DomainEvent sample = SampleEvents.of(type);

        DomainEvent read = eventJson.read(type, eventJson.write(sample));

        assertThat(read).isEqualTo(sample);
    }

    @ParameterizedTest
    @MethodSource("eventTypes")
    void roundTripWithoutOptionalComponents(String type) {
        DomainEvent sample = SampleEvents.withoutOptionals(SampleEvents.of(type));

        DomainEvent read = eventJson.read(type, eventJson.write(sample));

        assertThat(read).isEqualTo(sample);
    }

    @Test
    void writesInstantsAsIso8601StringsAndEnumsAsTheirCodes() {
        JsonNode json = tree(eventJson.write(SampleEvents.of(SessionCancelled.TYPE)));

        assertThat(json.get("occurredAt").asString()).isEqualTo("2026-03-02T09:15:30.123456Z");
        assertThat(json.get("startsAt").asString()).isEqualTo("2026-03-09T14:00:00Z");
        assertThat(json.get("cancelledBy").asString()).isEqualTo("client");
        assertThat(json.get("reasonCode").asString()).isEqualTo("illness");
        assertThat(json.get("late").isBoolean()).isTrue();
        assertThat(json.has("type")).as("the type travels in ce_type only").isFalse();
    }

    @Test
    void leavesOutAbsentOptionalComponents() {
        ExerciseAssigned withoutSession = (ExerciseAssigned) SampleEvents.withoutOptionals(
                SampleEvents.of(ExerciseAssigned.TYPE));

        assertThat(tree(eventJson.write(withoutSession)).has("sessionId")).isFalse();
    }

    @Test
    void readsExplicitNullForAnOptionalComponent() {
        ObjectNode json = tree(eventJson.write(SampleEvents.of(ExerciseAssigned.TYPE)));
        json.putNull("sessionId");

        ExerciseAssigned read = eventJson.read(ExerciseAssigned.TYPE, bytes(json));

        assertThat(read.sessionId()).isNull();
    }

    @Test
    void ignoresPropertiesAddedByANewerProducer() {
        ObjectNode json = tree(eventJson.write(SampleEvents.of(SessionBooked.TYPE)));
        json.put("roomId", "b1c2d3e4-0000-4000-8000-000000000000");
        json.putObject("futureDetail").put("level", 3);

        SessionBooked read = eventJson.read(SessionBooked.TYPE, bytes(json));

        assertThat(read).isEqualTo(SampleEvents.of(SessionBooked.TYPE));
    }

    @Test
    void readsACancellationReasonAddedByANewerProducerAsOther() {
        ObjectNode json = tree(eventJson.write(SampleEvents.of(SessionCancelled.TYPE)));
        json.put("reasonCode", "weather");

        SessionCancelled read = eventJson.read(SessionCancelled.TYPE, bytes(json));

        assertThat(read.reasonCode()).isEqualTo(CancellationReason.OTHER);
        assertThat(read.cancelledBy()).isEqualTo(Actor.CLIENT);
    }

    @Test
    void unknownTypeIsUnreadable() {
        assertThatThrownBy(() -> eventJson.read("session.teleported", eventJson.write(SampleEvents.of(SessionBooked.TYPE))))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessage("Unreadable session.teleported event: unknown event type")
                .extracting(e -> ((UnreadableEventException) e).eventType())
                .isEqualTo("session.teleported");
    }

    @Test
    void garbageIsUnreadableAndTheMessageDoesNotRepeatIt() {
        byte[] garbage = "client Jane Doe said: {not json".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> eventJson.read(SessionBooked.TYPE, garbage))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageStartingWith("Unreadable session.booked event: ")
                .hasMessageNotContaining("Jane")
                .hasNoCause();
    }

    @Test
    void binaryGarbageIsUnreadable() {
        assertThatThrownBy(() -> eventJson.read(SessionBooked.TYPE, new byte[] {(byte) 0xC3, 0x28, 0x00, (byte) 0xFF}))
                .isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void dataThatIsNotAnObjectIsUnreadable() {
        for (String notAnObject : new String[] {"", "[]", "42", "null", "\"session\""}) {
            assertThatThrownBy(() -> eventJson.read(SessionBooked.TYPE, notAnObject.getBytes(StandardCharsets.UTF_8)))
                    .as("data %s", notAnObject)
                    .isInstanceOf(UnreadableEventException.class);
        }
    }

    @Test
    void textAfterTheObjectIsUnreadable() {
        byte[] json = (new String(eventJson.write(SampleEvents.of(SessionBooked.TYPE)), StandardCharsets.UTF_8) + " {}")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> eventJson.read(SessionBooked.TYPE, json)).isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void aPropertyGivenTwiceIsUnreadable() {
        String json = new String(eventJson.write(SampleEvents.of(SessionBooked.TYPE)), StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{\"clientId\":\"16fd2706-8baf-433b-82eb-8c7fada847da\",");

        assertThatThrownBy(() -> eventJson.read(SessionBooked.TYPE, json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UnreadableEventException.class);
    }

    @Test
    void missingOrNullRequiredPropertiesAreUnreadable() {
        ObjectNode json = tree(eventJson.write(SampleEvents.of(SessionCancelled.TYPE)));
        json.remove("clientId");
        json.remove("late");
        json.putNull("startsAt");

        assertThatThrownBy(() -> eventJson.read(SessionCancelled.TYPE, bytes(json)))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessage("Unreadable session.cancelled event: required properties missing or null: "
                        + "[clientId, startsAt, late]");
    }

    @Test
    void aValueOfTheWrongShapeIsUnreadableAndNamedWithoutBeingQuoted() {
        ObjectNode json = tree(eventJson.write(SampleEvents.of(SessionBooked.TYPE)));
        json.put("startsAt", "after lunch with Jane");

        assertThatThrownBy(() -> eventJson.read(SessionBooked.TYPE, bytes(json)))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("at property startsAt")
                .hasMessageNotContaining("Jane")
                .hasNoCause();
    }

    @Test
    void anUnknownRoleIsUnreadable() {
        ObjectNode json = tree(eventJson.write(SampleEvents.of(SessionCancelled.TYPE)));
        json.put("cancelledBy", "receptionist");

        assertThatThrownBy(() -> eventJson.read(SessionCancelled.TYPE, bytes(json)))
                .isInstanceOf(UnreadableEventException.class)
                .hasMessageContaining("at property cancelledBy")
                .hasMessageNotContaining("receptionist");
    }

    @Test
    void writingAnEventWithoutARequiredComponentFails() {
        SessionBooked incomplete = new SessionBooked(SampleEvents.SESSION, null, SampleEvents.THERAPIST,
                SampleEvents.STARTS, SampleEvents.ENDS, SampleEvents.OCCURRED);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> eventJson.write(incomplete))
                .withMessage("session.booked event lacks required properties [clientId]");
    }

    private static ObjectNode tree(byte[] json) {
        return (ObjectNode) JSON.readTree(json);
    }

    private static byte[] bytes(JsonNode json) {
        return JSON.writeValueAsBytes(json);
    }
}
