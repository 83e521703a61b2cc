package org.teletherapy.events;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.teletherapy.events.accounts.ClientErased;
import org.teletherapy.events.erasure.ErasureOutcome;
import org.teletherapy.events.erasure.ErasurePart;
import org.teletherapy.events.erasure.ErasurePartDone;
import org.teletherapy.events.erasure.ErasureRefusal;
import org.teletherapy.events.exercises.ExerciseAssigned;
import org.teletherapy.events.exercises.ExerciseOverdue;
import org.teletherapy.events.exercises.ExerciseSubmitted;
import org.teletherapy.events.exercises.Instrument;
import org.teletherapy.events.exercises.MeasureSafetyAlert;
import org.teletherapy.events.exercises.MeasureSafetyAlertAcknowledged;
import org.teletherapy.events.exercises.MeasureScored;
import org.teletherapy.events.notes.NoteKind;
import org.teletherapy.events.notes.NoteSigned;
import org.teletherapy.events.notes.NotesErased;
import org.teletherapy.events.roster.RosterLinked;
import org.teletherapy.events.roster.RosterUnlinked;
import org.teletherapy.events.sessions.Actor;
import org.teletherapy.events.sessions.CancellationReason;
import org.teletherapy.events.sessions.SessionBooked;
import org.teletherapy.events.sessions.SessionCancelled;
import org.teletherapy.events.sessions.SessionCompleted;
import org.teletherapy.events.sessions.SessionNoShow;
import org.teletherapy.events.sessions.SessionRescheduled;

/** One realistic event of every type, with every optional component set. */
final class SampleEvents {

    static final UUID CLIENT = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");
    static final UUID THERAPIST = UUID.fromString("7c9e6679-7425-40de-944b-e07fc1f90ae7");
    static final UUID SESSION = UUID.fromString("3f333df6-90a4-4fda-8dd3-9485d27cee36");
    static final UUID ASSIGNMENT = UUID.fromString("9b2f4c1e-5d1a-4b7e-8f00-2a6c9e3d1b44");
    static final UUID RESPONSE = UUID.fromString("c56a4180-65aa-42ec-a945-5fd21dec0538");

    // Sub-millisecond precision on purpose: round trips must keep it.
    static final Instant OCCURRED = Instant.parse("2026-03-02T09:15:30.123456Z");
    static final Instant STARTS = Instant.parse("2026-03-09T14:00:00Z");
    static final Instant ENDS = Instant.parse("2026-03-09T14:50:00Z");

    private static final Map<String, DomainEvent> SAMPLES = Map.ofEntries(
            sample(new SessionBooked(SESSION, CLIENT, THERAPIST, STARTS, ENDS, OCCURRED)),
            sample(new SessionRescheduled(UUID.fromString("e4eaaaf2-d142-11e1-b3e4-080027620cdd"), SESSION, CLIENT,
                    THERAPIST, STARTS, STARTS.plusSeconds(86_400), ENDS.plusSeconds(86_400), Actor.CLIENT, OCCURRED)),
            sample(new SessionCancelled(SESSION, CLIENT, THERAPIST, STARTS, Actor.CLIENT, CancellationReason.ILLNESS,
                    true, OCCURRED)),
            sample(new SessionCompleted(SESSION, CLIENT, THERAPIST, STARTS, ENDS, OCCURRED)),
            sample(new SessionNoShow(SESSION, CLIENT, THERAPIST, STARTS, OCCURRED)),
            sample(new RosterLinked(CLIENT, THERAPIST, OCCURRED)),
            sample(new RosterUnlinked(CLIENT, THERAPIST, OCCURRED)),
            sample(new ClientErased(CLIENT, OCCURRED)),
            sample(new NoteSigned(UUID.fromString("16fd2706-8baf-433b-82eb-8c7fada847da"), SESSION, CLIENT, THERAPIST,
                    NoteKind.PROGRESS, OCCURRED)),
            sample(new NotesErased(CLIENT, 12, OCCURRED)),
            sample(new ExerciseAssigned(ASSIGNMENT, UUID.fromString("a8098c1a-f86e-11da-bd1a-00112444be1e"), CLIENT,
                    THERAPIST, SESSION, STARTS.plusSeconds(7 * 86_400), OCCURRED)),
            sample(new ExerciseSubmitted(ASSIGNMENT, CLIENT, THERAPIST, STARTS.plusSeconds(7 * 86_400), OCCURRED)),
            sample(new ExerciseOverdue(ASSIGNMENT, CLIENT, THERAPIST, STARTS.plusSeconds(7 * 86_400), OCCURRED)),
            sample(new MeasureScored(RESPONSE, CLIENT, THERAPIST, ASSIGNMENT, Instrument.PHQ_9, 17, "moderately-severe",
                    OCCURRED)),
            sample(new MeasureSafetyAlert(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), RESPONSE, CLIENT,
                    THERAPIST, Instrument.PHQ_9, OCCURRED)),
            sample(new MeasureSafetyAlertAcknowledged(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), CLIENT,
                    THERAPIST, OCCURRED)),
            sample(new ErasurePartDone(CLIENT, ErasurePart.NOTES, ErasureOutcome.REFUSED,
                    ErasureRefusal.RETENTION_PERIOD, OCCURRED)));

    static DomainEvent of(String type) {
        DomainEvent sample = SAMPLES.get(type);
        if (sample == null) {
            throw new IllegalArgumentException("No sample for " + type + ": add one to SampleEvents");
        }
        return sample;
    }

    static Set<String> types() {
        return SAMPLES.keySet();
    }

    /** The same event with every {@code @Nullable} component null, as an older or simpler producer may send it. */
    static DomainEvent withoutOptionals(DomainEvent event) {
        RecordComponent[] components = event.getClass().getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = RequiredProperties.isOptional(components[i])
                        ? null
                        : components[i].getAccessor().invoke(event);
            }
            return event.getClass().getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map.Entry<String, DomainEvent> sample(DomainEvent event) {
        return Map.entry(EventTypes.typeOf(event.getClass()), event);
    }

    private SampleEvents() {
    }
}
