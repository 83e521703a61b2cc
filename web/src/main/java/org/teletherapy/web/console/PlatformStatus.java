package org.teletherapy.web.console;

import tools.jackson.databind.JsonNode;
import org.teletherapy.web.page.Viewer;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The gateway's overview as the console shows it. Only states and counts: the overview has nothing else, and what
 * the console reads from it is named here field by field, so nothing new in it reaches the page unseen.
 *
 * @param state   UP, DEGRADED or DOWN for the whole platform; UNKNOWN when the gateway's overview did not answer
 * @param checked when the overview was put together, in the operator's zone
 */
public record PlatformStatus(String state, String checked, List<Component> components, List<Service> services,
                             List<FigureGroup> groups, boolean unreachable) {

    private static final Set<String> OVERVIEW_FIELDS = Set.of("status", "checkedAt", "gateway", "keycloak", "services");

    static PlatformStatus of(JsonNode overview, Viewer viewer) {
        List<Component> components = new ArrayList<>();
        components.add(new Component("gateway", text(overview, "gateway")));
        components.add(new Component("keycloak", text(overview, "keycloak")));
        List<Service> services = new ArrayList<>();
        for (JsonNode service : overview.path("services")) {
            components.add(new Component(text(service, "service"), text(service, "status")));
            JsonNode pipeline = service.path("pipeline");
            services.add(new Service(text(service, "service"), text(service, "database"), text(service, "kafka"),
                    count(pipeline, "outboxBacklog"), count(pipeline, "outboxOldestAgeSeconds"),
                    count(pipeline, "consumerLag"), count(pipeline, "deadLetters")));
        }
        List<FigureGroup> groups = new ArrayList<>();
        for (Map.Entry<String, JsonNode> group : overview.properties()) {
            if (!OVERVIEW_FIELDS.contains(group.getKey()) && group.getValue().isObject()) {
                List<Figure> figures = new ArrayList<>();
                group.getValue().properties().forEach(figure -> figures.add(new Figure(figure.getKey(),
                        figure.getValue().isNumber() ? figure.getValue().asLong() : null)));
                groups.add(new FigureGroup(group.getKey(), figures));
            }
        }
        String checkedAt = text(overview, "checkedAt");
        return new PlatformStatus(text(overview, "status"),
                checkedAt.isEmpty() ? "" : viewer.dateTime(Instant.parse(checkedAt)), components, services, groups,
                false);
    }

    static PlatformStatus notAnswering() {
        return new PlatformStatus("UNKNOWN", "", List.of(), List.of(), List.of(), true);
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).asString("");
    }

    private static Long count(JsonNode node, String field) {
        return node.path(field).isNumber() ? node.path(field).asLong() : null;
    }

    /** {@code state}: UP, DEGRADED, DOWN or UNKNOWN. */
    public record Component(String name, String state) {
    }

    /** A null count is unknown right now (the service did not answer), never a reassuring 0. */
    public record Service(String name, String database, String kafka, Long outboxBacklog, Long outboxOldestAgeSeconds,
                          Long consumerLag, Long deadLetters) {
    }

    public record FigureGroup(String name, List<Figure> figures) {
    }

    public record Figure(String name, Long value) {
    }
}
