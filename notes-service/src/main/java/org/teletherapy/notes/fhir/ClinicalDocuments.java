package org.teletherapy.notes.fhir;

import org.teletherapy.notes.note.SignedProgressNotes.ExportedAddendum;
import org.teletherapy.notes.note.SignedProgressNotes.ExportedNote;
import org.teletherapy.notes.note.SignedProgressNotes.Section;
import org.teletherapy.service.fhir.Fhir;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.teletherapy.service.fhir.Fhir.ordered;

/** A signed progress note as a FHIR R4 DocumentReference, its text as a plain-text attachment. */
final class ClinicalDocuments {

    private ClinicalDocuments() {
    }

    static Map<String, Object> documentReference(ExportedNote note) {
        Map<String, Object> author = Fhir.reference("Practitioner", note.authorId(), null);
        return ordered("resourceType", "DocumentReference", "id", note.id().toString(),
                "status", "current",
                // Signed is final; an addendum amends it without changing what was signed.
                "docStatus", note.addenda().isEmpty() ? "final" : "amended",
                "type", Fhir.concept("http://loinc.org", "11506-3", "Progress note", "Progress note"),
                "subject", Fhir.reference("Patient", note.clientId(), null),
                "date", Fhir.instant(note.signedAt()),
                "author", List.of(author),
                "authenticator", author,
                "description", "Progress note of a therapy session",
                "securityLabel", List.of(Fhir.concept("http://terminology.hl7.org/CodeSystem/v3-Confidentiality", "R",
                        "restricted", null)),
                "content", List.of(ordered("attachment", ordered(
                        "contentType", "text/plain",
                        "data", Base64.getEncoder().encodeToString(text(note).getBytes(StandardCharsets.UTF_8)),
                        "title", "Progress note",
                        "creation", Fhir.instant(note.createdAt())))),
                "context", ordered("related", List.of(Fhir.reference("Appointment", note.sessionId(), null))));
    }

    /** What the therapist wrote, sections first, then each addendum with its time, as plain text. */
    static String text(ExportedNote note) {
        StringBuilder text = new StringBuilder();
        for (Section section : note.sections()) {
            text.append(section.name()).append(":\n").append(section.text()).append("\n\n");
        }
        if (note.content() != null && !note.content().isBlank()) {
            text.append(note.content()).append("\n");
        }
        for (ExportedAddendum addendum : note.addenda()) {
            text.append("\nAddendum (").append(addendum.createdAt()).append("):\n").append(addendum.content()).append("\n");
        }
        return text.toString();
    }
}
