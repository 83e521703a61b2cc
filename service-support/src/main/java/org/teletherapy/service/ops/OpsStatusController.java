package org.teletherapy.service.ops;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.CompositeReactiveHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthContributor;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an operator (through the gateway's overview) sees of one service: its components' health, taken from the
 * health contributors Spring Boot and eventing register, and the figures of every {@link OpsFiguresContributor}.
 */
@RestController
class OpsStatusController {

    private static final Logger log = LoggerFactory.getLogger(OpsStatusController.class);

    /**
     * The status's component names, and the health contributors behind them: Spring Boot's {@code r2dbc} and
     * eventing's {@code kafka} (the same ones readiness includes). A service without one leaves it out.
     */
    private static final List<Map.Entry<String, String>> COMPONENTS = List.of(
            Map.entry("database", "r2dbc"), Map.entry("kafka", "kafka"));

    /** Below the gateway's 2 s per service, so a slow part costs this service its figures, not its whole answer. */
    private static final Duration PART_TIMEOUT = Duration.ofMillis(1500);

    private final String service;
    private final ObjectProvider<ReactiveHealthContributorRegistry> reactiveHealth;
    private final ObjectProvider<HealthContributorRegistry> health;
    private final List<OpsFiguresContributor> contributors;

    OpsStatusController(String service, ObjectProvider<ReactiveHealthContributorRegistry> reactiveHealth,
                        ObjectProvider<HealthContributorRegistry> health, List<OpsFiguresContributor> contributors) {
        this.service = service;
        this.reactiveHealth = reactiveHealth;
        this.health = health;
        this.contributors = contributors;
    }

    @GetMapping("/api/v1/ops/status")
    @PreAuthorize("hasRole('OPERATOR')")
    Mono<OpsStatus> status() {
        // All checks at once (in the status's order), so the answer takes as long as the slowest part, not their sum.
        Mono<Map<String, OpsState>> components = Flux.fromIterable(COMPONENTS)
                .flatMapSequential(component -> state(component.getValue()).map(state -> Map.entry(component.getKey(), state)))
                .collect(LinkedHashMap::new, (map, entry) -> map.put(entry.getKey(), entry.getValue()));
        Mono<Map<String, Map<String, Long>>> figures = Flux.fromIterable(contributors)
                // Sorted, so the answer reads the same every time.
                .flatMap(contributor -> figures(contributor)
                        .map(values -> Map.<String, Map<String, Long>>entry(contributor.name(), new TreeMap<>(values))))
                .collect(TreeMap::new, (map, entry) -> map.put(entry.getKey(), entry.getValue()));
        return Mono.zip(components, figures).map(parts -> new OpsStatus(service,
                parts.getT1().values().stream().allMatch(OpsState.UP::equals) ? OpsState.UP : OpsState.DEGRADED,
                parts.getT1(), parts.getT2()));
    }

    private Mono<OpsState> state(String contributorName) {
        ReactiveHealthContributorRegistry reactive = reactiveHealth.getIfAvailable();
        ReactiveHealthContributor contributor = reactive == null ? null : reactive.getContributor(contributorName);
        if (contributor == null) {
            HealthContributorRegistry blocking = health.getIfAvailable();
            HealthContributor blockingContributor = blocking == null ? null : blocking.getContributor(contributorName);
            contributor = blockingContributor == null ? null : ReactiveHealthContributor.adapt(blockingContributor);
        }
        if (contributor == null) {
            return Mono.empty();
        }
        return status(contributor)
                .map(status -> Status.UP.equals(status) ? OpsState.UP : OpsState.DOWN)
                .timeout(PART_TIMEOUT, Mono.just(OpsState.DOWN))
                .onErrorReturn(OpsState.DOWN);
    }

    private static Mono<Status> status(ReactiveHealthContributor contributor) {
        if (contributor instanceof ReactiveHealthIndicator indicator) {
            return indicator.health(false).map(Health::getStatus);
        }
        if (contributor instanceof CompositeReactiveHealthContributor composite) {
            // e.g. several connection factories: the component is up when all of them are.
            return Flux.fromStream(composite.stream()).flatMap(entry -> status(entry.contributor()))
                    .all(Status.UP::equals).map(allUp -> allUp ? Status.UP : Status.DOWN);
        }
        return Mono.just(Status.UNKNOWN);
    }

    private static Mono<Map<String, Long>> figures(OpsFiguresContributor contributor) {
        return contributor.figures()
                .timeout(PART_TIMEOUT)
                .onErrorResume(e -> {
                    // The class only: an exception message may quote data.
                    log.warn("ops figures '{}' not available: {}", contributor.name(), e.getClass().getSimpleName());
                    return Mono.empty();
                });
    }
}
