package org.teletherapy.service.ops;

import java.util.Map;

/**
 * A service's answer to {@code GET /api/v1/ops/status}, and what the gateway reads back: statuses and figure groups,
 * never a person.
 *
 * @param service    the service's name ({@code spring.application.name})
 * @param status     {@code UP}, or {@code DEGRADED} when one of its components is down
 * @param components each component's state by role: {@code database}, {@code kafka}
 * @param figures    figure groups by name (see {@link OpsFiguresContributor}), each figure by name
 */
public record OpsStatus(String service, OpsState status, Map<String, OpsState> components,
                        Map<String, Map<String, Long>> figures) {
}
