package org.teletherapy.service.fhir;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The CapabilityStatement of {@code GET /fhir/r4/metadata}: what one service serves, read and searched how. */
public final class CapabilityStatements {

    /** One resource type: read by id and/or searched with these parameters. */
    public record Served(String type, boolean read, List<SearchParam> searchParams, String documentation) {
    }

    /** @param type FHIR's search parameter type: {@code reference}, {@code token}, {@code date}, … */
    public record SearchParam(String name, String type, String documentation) {
    }

    private CapabilityStatements() {
    }

    public static Map<String, Object> of(String service, String baseUrl, Instant date, List<Served> served) {
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Served resource : served) {
            List<Map<String, Object>> interactions = new ArrayList<>();
            if (resource.read()) {
                interactions.add(Fhir.ordered("code", "read"));
            }
            if (!resource.searchParams().isEmpty()) {
                interactions.add(Fhir.ordered("code", "search-type"));
            }
            resources.add(Fhir.ordered("type", resource.type(), "documentation", resource.documentation(),
                    "interaction", interactions,
                    "searchParam", resource.searchParams().stream()
                            .map(param -> Fhir.ordered("name", param.name(), "type", param.type(),
                                    "documentation", param.documentation()))
                            .toList()));
        }
        return Fhir.ordered(
                "resourceType", "CapabilityStatement",
                "id", service,
                "name", "Teletherapy" + service.replace("-", ""),
                "title", "Teletherapy " + service,
                "status", "active",
                "date", date.toString(),
                "publisher", "Teletherapy platform",
                "description", "What " + service + " serves under " + Fhir.BASE_PATH
                        + ": read-only access to the records it owns, for the person they concern and their care team.",
                "kind", "instance",
                "implementation", Fhir.ordered("description", service, "url", baseUrl),
                "fhirVersion", "4.0.1",
                "format", List.of("json"),
                "rest", List.of(Fhir.ordered(
                        "mode", "server",
                        "security", Fhir.ordered(
                                "cors", false,
                                "description", "OAuth 2.0 bearer tokens of the Keycloak realm 'teletherapy'. A client "
                                        + "reads their own records, a therapist those of clients on their roster; "
                                        + "anything else is answered 404."),
                        "resource", resources)));
    }
}
