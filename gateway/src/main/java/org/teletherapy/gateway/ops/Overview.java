package org.teletherapy.gateway.ops;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import org.teletherapy.service.ops.OpsState;
import org.teletherapy.service.ops.OpsStatus;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The platform at a glance for operators ({@code GET /api/v1/ops/overview}): statuses and counts only. Beside the
 * services, the figure groups each route allows for its service (route metadata {@code ops-figures}, such as its
 * {@code scheduling} counts) are passed through under their names: the gateway's code knows no domain figure, and
 * whatever else a service's status holds never reaches the operator. A figure whose service did not answer (or did
 * not report it) is null: unknown right now, never a reassuring 0.
 *
 * @param status    {@code UP} when everything is; {@code DOWN} when Keycloak is (nobody can sign in) or no service
 *                  answers; {@code DEGRADED} otherwise
 * @param checkedAt when the overview was put together
 * @param gateway   always {@code UP}: it is answering
 * @param keycloak  {@code UP} when its health URI answered 2xx in time
 * @param services  each service behind the gateway, in route order
 * @param figures   the allowed figure groups by name (the per-service {@code pipeline} is in services)
 */
record Overview(OpsState status, Instant checkedAt, OpsState gateway, OpsState keycloak, List<Service> services,
                @JsonIgnore Map<String, Map<String, Long>> figures) {

    private static final String PIPELINE = "pipeline";

    /** Each figure group as a property of its own, as operators and dashboards read them ({@code $.scheduling}). */
    @JsonAnyGetter
    Map<String, Map<String, Long>> groups() {
        return figures;
    }

    /**
     * @param status   {@code UP}, {@code DEGRADED} (answers with a component down) or {@code DOWN} (no answer in time)
     * @param database the service's database; {@code UNKNOWN} when the service did not answer
     * @param kafka    the service's connection to Kafka; {@code UNKNOWN} when the service did not answer
     */
    record Service(String service, OpsState status, OpsState database, OpsState kafka, Pipeline pipeline) {

        static Service of(String service, OpsStatus status) {
            return new Service(service, status.status(), component(status, "database"), component(status, "kafka"),
                    new Pipeline(figure(status, "outboxBacklog"), figure(status, "outboxOldestAgeSeconds"),
                            figure(status, "consumerLag"), figure(status, "deadLetters")));
        }

        static Service down(String service) {
            return new Service(service, OpsState.DOWN, OpsState.UNKNOWN, OpsState.UNKNOWN,
                    new Pipeline(null, null, null, null));
        }

        private static OpsState component(OpsStatus status, String name) {
            return status.components() == null ? OpsState.UNKNOWN
                    : status.components().getOrDefault(name, OpsState.UNKNOWN);
        }

        private static Long figure(OpsStatus status, String name) {
            Map<String, Long> figures = status.figures() == null ? null : status.figures().get(PIPELINE);
            return figures == null ? null : figures.get(name);
        }
    }

    /** The service's event pipeline: outbox rows not yet sent and the oldest one's wait, consumer lag, dead letters. */
    record Pipeline(Long outboxBacklog, Long outboxOldestAgeSeconds, Long consumerLag, Long deadLetters) {
    }

    /**
     * The overview from each service's status (null for one that did not answer) and Keycloak's health.
     *
     * @param allowed the figure groups each route allows for its service, with their figures' names
     */
    static Overview of(Instant checkedAt, OpsState keycloak, Map<String, OpsStatus> statuses,
                       Map<String, Map<String, List<String>>> allowed) {
        List<Service> services = statuses.entrySet().stream()
                .map(entry -> entry.getValue() == null ? Service.down(entry.getKey()) : Service.of(entry.getKey(), entry.getValue()))
                .toList();
        Map<String, Map<String, Long>> figures = new LinkedHashMap<>();
        statuses.forEach((service, status) -> allowed.getOrDefault(service, Map.of()).forEach((group, names) ->
                figures.putIfAbsent(group, copied(status, group, names))));
        return new Overview(overall(keycloak, services), checkedAt, OpsState.UP, keycloak, services, figures);
    }

    /** The allowed figures of a group, copied by name; null where the service did not answer or report one. */
    private static Map<String, Long> copied(OpsStatus status, String group, List<String> names) {
        Map<String, Long> reported = status == null || status.figures() == null ? null : status.figures().get(group);
        Map<String, Long> figures = new LinkedHashMap<>();
        names.forEach(name -> figures.put(name, reported == null ? null : reported.get(name)));
        return figures;
    }

    static OpsState overall(OpsState keycloak, List<Service> services) {
        if (keycloak != OpsState.UP || services.stream().allMatch(service -> service.status() == OpsState.DOWN)) {
            return OpsState.DOWN;
        }
        return services.stream().allMatch(service -> service.status() == OpsState.UP) ? OpsState.UP : OpsState.DEGRADED;
    }
}
