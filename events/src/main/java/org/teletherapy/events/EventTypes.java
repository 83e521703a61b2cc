package org.teletherapy.events;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.teletherapy.events.accounts.ClientErased;
import org.teletherapy.events.erasure.ErasurePartDone;
import org.teletherapy.events.exercises.ExerciseAssigned;
import org.teletherapy.events.exercises.ExerciseOverdue;
import org.teletherapy.events.exercises.ExerciseSubmitted;
import org.teletherapy.events.exercises.MeasureSafetyAlert;
import org.teletherapy.events.exercises.MeasureSafetyAlertAcknowledged;
import org.teletherapy.events.exercises.MeasureScored;
import org.teletherapy.events.notes.NoteSigned;
import org.teletherapy.events.notes.NotesErased;
import org.teletherapy.events.roster.RosterLinked;
import org.teletherapy.events.roster.RosterUnlinked;
import org.teletherapy.events.sessions.SessionBooked;
import org.teletherapy.events.sessions.SessionCancelled;
import org.teletherapy.events.sessions.SessionCompleted;
import org.teletherapy.events.sessions.SessionNoShow;
import org.teletherapy.events.sessions.SessionRescheduled;

/**
 * Every event type, its record and its topic, listed in one place: a new event is added here by hand, so what goes
 * on the wire is always a deliberate, reviewed choice.
 */
public final class EventTypes {

    private record Registration(String type, Class<? extends DomainEvent> recordClass, String topic) {
    }

    private static final List<Registration> REGISTRATIONS = List.of(
            // sessions-service publishes roster and erasure events on its own topic too, so a client's sessions,
            // roster changes and erasure reach consumers in the order they happened.
            new Registration(SessionBooked.TYPE, SessionBooked.class, Topics.SESSIONS),
            new Registration(SessionRescheduled.TYPE, SessionRescheduled.class, Topics.SESSIONS),
            new Registration(SessionCancelled.TYPE, SessionCancelled.class, Topics.SESSIONS),
            new Registration(SessionCompleted.TYPE, SessionCompleted.class, Topics.SESSIONS),
            new Registration(SessionNoShow.TYPE, SessionNoShow.class, Topics.SESSIONS),
            new Registration(RosterLinked.TYPE, RosterLinked.class, Topics.SESSIONS),
            new Registration(RosterUnlinked.TYPE, RosterUnlinked.class, Topics.SESSIONS),
            new Registration(ClientErased.TYPE, ClientErased.class, Topics.SESSIONS),

            new Registration(NoteSigned.TYPE, NoteSigned.class, Topics.NOTES),
            new Registration(NotesErased.TYPE, NotesErased.class, Topics.NOTES),

            new Registration(ExerciseAssigned.TYPE, ExerciseAssigned.class, Topics.EXERCISES),
            new Registration(ExerciseSubmitted.TYPE, ExerciseSubmitted.class, Topics.EXERCISES),
            new Registration(ExerciseOverdue.TYPE, ExerciseOverdue.class, Topics.EXERCISES),
            new Registration(MeasureScored.TYPE, MeasureScored.class, Topics.EXERCISES),
            new Registration(MeasureSafetyAlert.TYPE, MeasureSafetyAlert.class, Topics.EXERCISES),
            new Registration(MeasureSafetyAlertAcknowledged.TYPE, MeasureSafetyAlertAcknowledged.class,
                    Topics.EXERCISES),

            // Written by notes, exercises and notifications alike, read by sessions-service: see Topics.ERASURE.
            new Registration(ErasurePartDone.TYPE, ErasurePartDone.class, Topics.ERASURE));

    private static final Map<String, Registration> BY_TYPE = new LinkedHashMap<>();
    private static final Map<Class<?>, Registration> BY_CLASS = new LinkedHashMap<>();

    static {
        for (Registration registration : REGISTRATIONS) {
            if (BY_TYPE.put(registration.type(), registration) != null
                    || BY_CLASS.put(registration.recordClass(), registration) != null) {
                throw new IllegalStateException("Registered twice: " + registration);
            }
        }
    }

    /** Every event type, in a stable order. */
    public static Set<String> all() {
        return Collections.unmodifiableSet(BY_TYPE.keySet());
    }

    public static boolean isKnown(String type) {
        return BY_TYPE.containsKey(type);
    }

    /** @throws IllegalArgumentException for a type that is not registered */
    public static Class<? extends DomainEvent> classOf(String type) {
        return registrationOf(type).recordClass();
    }

    /** @throws IllegalArgumentException for a class that is not a registered event record */
    public static String typeOf(Class<?> recordClass) {
        Registration registration = BY_CLASS.get(recordClass);
        if (registration == null) {
            throw new IllegalArgumentException("Not a registered event record: " + recordClass.getName());
        }
        return registration.type();
    }

    /** The topic events of this type are published on. */
    public static String topicOf(String type) {
        return registrationOf(type).topic();
    }

    private static Registration registrationOf(String type) {
        Registration registration = BY_TYPE.get(type);
        if (registration == null) {
            throw new IllegalArgumentException("Unknown event type: " + type);
        }
        return registration;
    }

    private EventTypes() {
    }
}
