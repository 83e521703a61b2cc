package org.teletherapy.sessions.fhir;

import org.teletherapy.service.fhir.Fhir;
import org.teletherapy.sessions.booking.SessionRecord;
import org.teletherapy.sessions.onboarding.People.Person;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.teletherapy.service.fhir.Fhir.ordered;

/** The FHIR R4 resources sessions-service owns, built by hand from its records (see {@link Fhir} for why). */
final class SchedulingResources {

    static final String CANCELLATION_REASON_SYSTEM = "urn:teletherapy:cancellation-reason";

    private SchedulingResources() {
    }

    static Map<String, Object> patient(Person person) {
        return ordered("resourceType", "Patient", "id", person.id().toString(),
                "identifier", List.of(Fhir.userIdentifier(person.id())),
                "active", true,
                "name", List.of(name(person)),
                "telecom", person.email() == null ? null
                        : List.of(ordered("system", "email", "value", person.email(), "use", "home")));
    }

    /** A therapist: their name; their address is the practice's business, not part of anyone's record. */
    static Map<String, Object> practitioner(Person person) {
        return ordered("resourceType", "Practitioner", "id", person.id().toString(),
                "identifier", List.of(Fhir.userIdentifier(person.id())),
                "active", true,
                "name", List.of(name(person)));
    }

    private static Map<String, Object> name(Person person) {
        String text = ((person.firstName() == null ? "" : person.firstName()) + " "
                + (person.lastName() == null ? "" : person.lastName())).trim();
        return ordered("use", "official", "text", text.isEmpty() ? null : text, "family", person.lastName(),
                "given", person.firstName() == null ? null : List.of(person.firstName()));
    }

    /**
     * A session as an Appointment. Its status is stored in FHIR's own codes already; the cancellation reason is our
     * code (a closed list, never free text) with words for people, as FHIR's example value set has no code for most.
     */
    static Map<String, Object> appointment(SessionRecord session) {
        List<Map<String, Object>> participants = new ArrayList<>();
        String declined = "cancelled".equals(session.status()) ? session.cancelledBy() : null;
        participants.add(ordered("type", List.of(participantType("PPRF", "primary performer")),
                "actor", Fhir.reference("Practitioner", session.therapistId(), null),
                "required", "required",
                "status", "therapist".equals(declined) ? "declined" : "accepted"));
        participants.add(ordered("actor", Fhir.reference("Patient", session.clientId(), null),
                "required", "required",
                "status", "client".equals(declined) ? "declined" : "accepted"));
        return ordered("resourceType", "Appointment", "id", session.id().toString(),
                "meta", ordered("lastUpdated", Fhir.instant(session.updatedAt())),
                "status", session.status(),
                "cancelationReason", session.cancelReason() == null ? null : Fhir.concept(CANCELLATION_REASON_SYSTEM,
                        session.cancelReason(), null, cancellationText(session.cancelReason(), session.cancelledBy())),
                "serviceCategory", List.of(Fhir.concept("http://terminology.hl7.org/CodeSystem/service-category",
                        "8", "Counselling", null)),
                "description", "Therapy session",
                "start", Fhir.instant(session.startsAt()),
                "end", Fhir.instant(session.endsAt()),
                "created", Fhir.instant(session.createdAt()),
                "participant", participants);
    }

    private static Map<String, Object> participantType(String code, String display) {
        return Fhir.concept("http://terminology.hl7.org/CodeSystem/v3-ParticipationType", code, display, null);
    }

    static String cancellationText(String code, String by) {
        String reason = switch (code) {
            case "schedule-conflict" -> "Schedule conflict";
            case "illness" -> "Illness";
            case "emergency" -> "Emergency";
            case "technical-problem" -> "Technical problem";
            case "therapist-unavailable" -> "Therapist unavailable";
            case "roster-unlinked" -> "The client left the therapist's care";
            case "client-erased" -> "The client's account was erased";
            case "rescheduled" -> "Moved to another time";
            default -> "Other reason";
        };
        return by == null ? reason : reason + " (cancelled by " + by + ")";
    }
}
