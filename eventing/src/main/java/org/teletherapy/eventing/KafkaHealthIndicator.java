package org.teletherapy.eventing;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.concurrent.TimeUnit;

/**
 * Whether the Kafka cluster answers. Part of readiness (a service without Kafka should not get new traffic routed to
 * it by an orchestrator), never of liveness: a broker outage must not get healthy instances restarted.
 */
final class KafkaHealthIndicator extends AbstractReactiveHealthIndicator implements DisposableBean {

    private static final int TIMEOUT_MS = 2_000;

    private final AdminClient admin;

    KafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        super("Kafka health check failed");
        this.admin = AdminClient.create(kafkaAdmin.getConfigurationProperties());
    }

    @Override
    protected Mono<Health> doHealthCheck(Health.Builder builder) {
        return Mono.fromCallable(() -> admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
                        .nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size())
                .subscribeOn(Schedulers.boundedElastic())
                .map(nodes -> nodes > 0 ? builder.up().withDetail("nodes", nodes).build() : builder.down().build());
    }

    @Override
    public void destroy() {
        admin.close();
    }
}
