package org.teletherapy.notes.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Audit entries as FHIR R4 {@code AuditEvent} resources in a {@code collection} Bundle, for a SIEM or an auditor.
 * Metadata only, as in the table: who (by id), in which role, what, on which note and client, the outcome, the
 * request id, and the entry's place in the hash chain (so the chain can be re-verified from the export).
 */
public final class FhirAuditEvents {

    public static final String MEDIA_TYPE = "application/fhir+json";

    private static final String ACTIVITY_SYSTEM = "urn:teletherapy:audit-activity";
    private static final String USER_SYSTEM = "urn:teletherapy:user";
    private static final HexFormat HEX = HexFormat.of();

    private FhirAuditEvents() {
    }

    static Map<String, Object> bundle(List<AuditEntry> entries, Instant exportedAt) {
        List<Map<String, Object>> bundleEntries = new ArrayList<>();
        for (AuditEntry entry : entries) {
            bundleEntries.add(ordered("fullUrl", "urn:uuid:" + entry.id(), "resource", auditEvent(entry)));
        }
        return ordered("resourceType", "Bundle", "type", "collection", "timestamp", exportedAt.toString(),
                "entry", bundleEntries);
    }

    public static Map<String, Object> auditEvent(AuditEntry entry) {
        Map<String, Object> event = ordered(
                "resourceType", "AuditEvent",
                "id", entry.id().toString(),
                "type", coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "RESTful Operation"),
                "subtype", List.of(coding(ACTIVITY_SYSTEM, entry.activity(), null)),
                "action", entry.action(),
                "recorded", entry.occurredAt().toString(),
                "outcome", outcomeCode(entry.outcome()),
                "outcomeDesc", entry.outcome(),
                "agent", List.of(agent(entry)),
                "source", ordered(
                        "observer", ordered("display", "notes-service"),
                        "type", List.of(coding("http://terminology.hl7.org/CodeSystem/security-source-type", "4",
                                "Application Server"))));
        List<Map<String, Object>> entities = new ArrayList<>();
        if (entry.noteId() != null) {
            entities.add(ordered(
                    "what", ordered("identifier", ordered("system", "urn:teletherapy:note", "value", entry.noteId().toString())),
                    "type", coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object"),
                    "role", coding("http://terminology.hl7.org/CodeSystem/object-role", "3", "Report")));
        }
        if (entry.clientId() != null) {
            entities.add(ordered(
                    "what", ordered("identifier", ordered("system", USER_SYSTEM, "value", entry.clientId().toString())),
                    "type", coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "1", "Person"),
                    "role", coding("http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient")));
        }
        entities.add(ordered(
                "type", coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "4", "Other"),
                "description", "audit chain link",
                "detail", chainDetails(entry)));
        event.put("entity", entities);
        return event;
    }

    private static Map<String, Object> agent(AuditEntry entry) {
        boolean platform = entry.actorId() == null;
        return ordered(
                "type", ordered("coding", List.of(coding("http://terminology.hl7.org/CodeSystem/extra-security-role-type",
                        platform ? "dataprocessor" : "humanuser", platform ? "data processor" : "human user"))),
                "role", List.of(ordered("text", entry.actorRole())),
                "who", platform
                        ? ordered("display", "notes-service")
                        : ordered("identifier", ordered("system", USER_SYSTEM, "value", entry.actorId().toString())),
                "requestor", !platform);
    }

    private static List<Map<String, Object>> chainDetails(AuditEntry entry) {
        List<Map<String, Object>> details = new ArrayList<>();
        details.add(ordered("type", "sequence", "valueString", Long.toString(entry.sequence())));
        details.add(ordered("type", "previousHash", "valueString", HEX.formatHex(entry.previousHash())));
        details.add(ordered("type", "hash", "valueString", HEX.formatHex(entry.hash())));
        if (entry.requestId() != null) {
            details.add(ordered("type", "requestId", "valueString", entry.requestId()));
        }
        return details;
    }

    /** R4 outcome codes: 0 success, 4 minor failure (refused, invalid), 8 serious (integrity), 12 major (error). */
    private static String outcomeCode(String outcome) {
        return switch (outcome) {
            case "success" -> "0";
            case "integrity-failure" -> "8";
            case "error" -> "12";
            default -> "4";
        };
    }

    private static Map<String, Object> coding(String system, String code, String display) {
        Map<String, Object> coding = ordered("system", system, "code", code);
        if (display != null) {
            coding.put("display", display);
        }
        return coding;
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
