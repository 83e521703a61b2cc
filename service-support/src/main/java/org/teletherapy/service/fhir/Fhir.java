package org.teletherapy.service.fhir;

import org.springframework.http.MediaType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Small helpers for FHIR R4 JSON built by hand: ordered maps that Jackson writes as they are, codings, references and
 * Bundles. Services keep HAPI FHIR off their runtime class path (it is a large dependency tree of its own, with
 * Jackson 2 and its own HTTP stack); its validator checks in the tests that what these build is valid R4.
 */
public final class Fhir {

    public static final String MEDIA_TYPE_VALUE = "application/fhir+json";
    public static final MediaType MEDIA_TYPE = MediaType.parseMediaType(MEDIA_TYPE_VALUE);
    /** Where every FHIR endpoint of the platform lives (DESIGN.md §12). */
    public static final String BASE_PATH = "/fhir/r4";
    /** The platform's user ids (Keycloak {@code sub}), as identifiers that survive outside a FHIR server. */
    public static final String USER_SYSTEM = "urn:teletherapy:user";

    private Fhir() {
    }

    /** A JSON object with its keys in the order given; null values are left out, as FHIR wants no nulls. */
    public static Map<String, Object> ordered(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            Object value = keysAndValues[i + 1];
            if (value != null && !(value instanceof List<?> list && list.isEmpty())) {
                map.put((String) keysAndValues[i], value);
            }
        }
        return map;
    }

    public static Map<String, Object> coding(String system, String code, String display) {
        return ordered("system", system, "code", code, "display", display);
    }

    /** A CodeableConcept of one coding, with its text for people. */
    public static Map<String, Object> concept(String system, String code, String display, String text) {
        return ordered("coding", List.of(coding(system, code, display)), "text", text);
    }

    /** A relative reference, e.g. {@code Patient/<id>}, with the platform's identifier beside it for a person. */
    public static Map<String, Object> reference(String type, UUID id, String display) {
        return ordered("reference", type + "/" + id, "display", display);
    }

    public static Map<String, Object> userIdentifier(UUID id) {
        return ordered("system", USER_SYSTEM, "value", id.toString());
    }

    public static String instant(Instant instant) {
        return instant == null ? null : instant.toString();
    }

    /**
     * A {@code searchset} Bundle: every resource is a match; {@code self} is the search as it was understood (the
     * base-relative path and the parameters used), so a reader knows what was asked.
     */
    public static Map<String, Object> searchset(String base, String self, List<Map<String, Object>> resources,
                                                Instant now) {
        return searchset(base, self, resources, List.of(), now);
    }

    /**
     * A {@code searchset} Bundle with OperationOutcomes about the search beside the matches ({@code search.mode}
     * {@code outcome}), e.g. warnings about resources returned incomplete. They do not count in {@code total}.
     */
    public static Map<String, Object> searchset(String base, String self, List<Map<String, Object>> resources,
                                                List<Map<String, Object>> outcomes, Instant now) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Map<String, Object> resource : resources) {
            entries.add(ordered("fullUrl", fullUrl(base, resource), "resource", resource,
                    "search", ordered("mode", "match")));
        }
        for (Map<String, Object> outcome : outcomes) {
            entries.add(ordered("fullUrl", "urn:uuid:" + outcome.get("id"), "resource", outcome,
                    "search", ordered("mode", "outcome")));
        }
        return ordered("resourceType", "Bundle", "id", UUID.randomUUID().toString(),
                "meta", ordered("lastUpdated", now.toString()),
                "type", "searchset", "timestamp", now.toString(), "total", resources.size(),
                "link", List.of(ordered("relation", "self", "url", base + self)),
                "entry", entries);
    }

    /** A {@code collection} Bundle, as {@code Patient/$everything} returns: resources that belong together. */
    public static Map<String, Object> collection(String base, List<Map<String, Object>> resources, Instant now) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Map<String, Object> resource : resources) {
            entries.add(ordered("fullUrl", fullUrl(base, resource), "resource", resource));
        }
        return ordered("resourceType", "Bundle", "id", UUID.randomUUID().toString(), "type", "collection",
                "timestamp", now.toString(), "entry", entries);
    }

    /**
     * An entry's full URL: the server's base and the resource's type and id, so the relative references between the
     * resources of a Bundle ({@code Patient/<id>}) resolve inside it.
     */
    public static String fullUrl(String base, Map<String, Object> resource) {
        return base + "/" + resource.get("resourceType") + "/" + resource.get("id");
    }
}
