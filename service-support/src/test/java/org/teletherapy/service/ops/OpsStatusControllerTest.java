package org.teletherapy.service.ops;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.ReactiveHealthIndicator;
import org.springframework.boot.health.registry.DefaultHealthContributorRegistry;
import org.springframework.boot.health.registry.DefaultReactiveHealthContributorRegistry;
import org.springframework.boot.health.registry.HealthContributorRegistry;
import org.springframework.boot.health.registry.ReactiveHealthContributorRegistry;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How a service's status is put together from its health contributors and figure groups, whatever fails. */
class OpsStatusControllerTest {

    final DefaultReactiveHealthContributorRegistry reactive = new DefaultReactiveHealthContributorRegistry();
    final DefaultHealthContributorRegistry blocking = new DefaultHealthContributorRegistry();

    @Test
    void componentsComeFromTheHealthContributorsReactiveOrNot() {
        reactive.registerContributor("r2dbc", (ReactiveHealthIndicator) () -> Mono.just(Health.up().build()));
        blocking.registerContributor("kafka", (HealthIndicator) () -> Health.up().build());

        OpsStatus status = status(List.of());

        assertThat(status.service()).isEqualTo("a-service");
        assertThat(status.status()).isEqualTo(OpsState.UP);
        assertThat(status.components()).containsExactly(Map.entry("database", OpsState.UP), Map.entry("kafka", OpsState.UP));
    }

    @Test
    void aComponentThatIsDownOrTooSlowMakesTheServiceDegraded() {
        reactive.registerContributor("r2dbc", (ReactiveHealthIndicator) () -> Mono.just(Health.down().build()));
        reactive.registerContributor("kafka", (ReactiveHealthIndicator) () -> Mono.never());

        OpsStatus status = status(List.of());

        assertThat(status.status()).isEqualTo(OpsState.DEGRADED);
        assertThat(status.components()).containsEntry("database", OpsState.DOWN).containsEntry("kafka", OpsState.DOWN);
    }

    @Test
    void aServiceWithoutAComponentLeavesItOut() {
        reactive.registerContributor("r2dbc", (ReactiveHealthIndicator) () -> Mono.just(Health.up().build()));

        assertThat(status(List.of()).components()).containsOnlyKeys("database");
    }

    @Test
    void aFigureGroupThatFailsOrIsTooSlowIsLeftOutAndTheOthersStay() {
        OpsStatus status = status(List.of(
                OpsFiguresContributor.of("scheduling", () -> Mono.just(Map.of("bookedToday", 3L))),
                OpsFiguresContributor.of("broken", () -> Mono.error(new IllegalStateException("database away"))),
                OpsFiguresContributor.of("stuck", Mono::never)));

        assertThat(status.figures()).containsOnlyKeys("scheduling");
        assertThat(status.figures().get("scheduling")).containsEntry("bookedToday", 3L);
    }

    private OpsStatus status(List<OpsFiguresContributor> contributors) {
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("reactive", reactive, "blocking", blocking));
        return new OpsStatusController("a-service", beans.getBeanProvider(ReactiveHealthContributorRegistry.class),
                beans.getBeanProvider(HealthContributorRegistry.class), contributors)
                // Within the gateway's 2 s however slow a part is, or the test fails here.
                .status().block(Duration.ofSeconds(2));
    }
}
