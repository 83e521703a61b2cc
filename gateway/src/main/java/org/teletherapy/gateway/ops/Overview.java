package org.teletherapy.gateway.ops;

import org.teletherapy.service.ops.OpsState;
import org.teletherapy.service.ops.OpsStatus;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The platform at a glance for operators ({@code GET /api/v1/ops/overview}): statuses and counts only. Figures are
 * copied by name into these records, so whatever else a service's status holds never reaches the operator. A null
 * figure is unknown right now (its service or Kafka did not answer), never a reassuring 0.
 *
 * @param status     {@code UP} when everything is; {@code DOWN} when Keycloak is (nobody can sign in) or no service
 *                   answers; {@code DEGRADED} otherwise
 * @param checkedAt  when the overview was put together
 * @param gateway    always {@code UP}: it is answering
 * @param keycloak   {@code UP} when its health URI answered 2xx in time
 * @param services   each service behind the gateway, in route order
 * @param scheduling today's counts (UTC day) from the sessions-service
 * @param safety     open safety alerts from the exercises-service
 */
record Overview(OpsState status, Instant checkedAt, OpsState gateway, OpsState keycloak, List<Service> services,
                Scheduling scheduling, Safety safety) {

    /**
     * @param status   {@code UP}, {@code DEGRADED} (answers with a component down) or {@code DOWN} (no answer in time)
     * @param database the service's database; {@code UNKNOWN} when the service did not answer
     * @param kafka    the service's connection to Kafka; {@code UNKNOWN} when the service did not answer
     */
    record Service(String service, OpsState status, OpsState database, OpsState kafka, Pipeline pipeline) {

        static Service of(String service, OpsStatus status) {
            return new Service(service, status.status(), component(status, "database"), component(status, "kafka"),
                    new Pipeline(figure(status, "pipeline", "outboxBacklog"),
                            figure(status, "pipeline", "outboxOldestAgeSeconds"),
                            figure(status, "pipeline", "consumerLag"), figure(status, "pipeline", "deadLetters")));
        }

        static Service down(String service) {
            return new Service(service, OpsState.DOWN, OpsState.UNKNOWN, OpsState.UNKNOWN,
                    new Pipeline(null, null, null, null));
        }

        private static OpsState component(OpsStatus status, String name) {
            return status.components() == null ? OpsState.UNKNOWN
                    : status.components().getOrDefault(name, OpsState.UNKNOWN);
        }
    }

    /** The service's event pipeline: outbox rows not yet sent and the oldest one's wait, consumer lag, dead letters. */
    record Pipeline(Long outboxBacklog, Long outboxOldestAgeSeconds, Long consumerLag, Long deadLetters) {
    }

    record Scheduling(Long bookedToday, Long lateCancellationsToday, Long noShowsToday) {
    }

    record Safety(Long openAlerts, Long oldestOpenAlertAgeSeconds) {
    }

    /** The overview from each service's status (null for one that did not answer) and Keycloak's health. */
    static Overview of(Instant checkedAt, OpsState keycloak, Map<String, OpsStatus> statuses) {
        List<Service> services = statuses.entrySet().stream()
                .map(entry -> entry.getValue() == null ? Service.down(entry.getKey()) : Service.of(entry.getKey(), entry.getValue()))
                .toList();
        List<OpsStatus> answered = statuses.values().stream().filter(java.util.Objects::nonNull).toList();
        return new Overview(overall(keycloak, services), checkedAt, OpsState.UP, keycloak, services,
                new Scheduling(figure(answered, "scheduling", "bookedToday"),
                        figure(answered, "scheduling", "lateCancellationsToday"),
                        figure(answered, "scheduling", "noShowsToday")),
                new Safety(figure(answered, "safety", "openAlerts"),
                        figure(answered, "safety", "oldestOpenAlertAgeSeconds")));
    }

    static OpsState overall(OpsState keycloak, List<Service> services) {
        if (keycloak != OpsState.UP || services.stream().allMatch(service -> service.status() == OpsState.DOWN)) {
            return OpsState.DOWN;
        }
        return services.stream().allMatch(service -> service.status() == OpsState.UP) ? OpsState.UP : OpsState.DEGRADED;
    }

    /** A figure from whichever service reports its group (the group names which service owns it). */
    private static Long figure(List<OpsStatus> statuses, String group, String name) {
        return statuses.stream().map(status -> figure(status, group, name)).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
    }

    private static Long figure(OpsStatus status, String group, String name) {
        Map<String, Long> figures = status.figures() == null ? null : status.figures().get(group);
        return figures == null ? null : figures.get(name);
    }
}
