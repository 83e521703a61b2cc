package org.teletherapy.eventing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.env.Environment;

import java.time.Duration;

/**
 * Settings of the outbox relay and the event consumer. The JDBC connection the relay uses defaults to the service's
 * Flyway connection (same database, same role).
 *
 * @param topic    the topic this service publishes to (its DLT is created beside it)
 * @param source   the CloudEvents {@code ce_source} of this service's events
 * @param relay    how the outbox is drained
 * @param consumer how events from other services are applied
 */
@ConfigurationProperties("teletherapy.eventing")
public record EventingProperties(String topic, String source, Jdbc jdbc, @DefaultValue Relay relay,
                                 @DefaultValue Consumer consumer) {

    /** The consumer group: the configured one, or the application's name. */
    public String groupId(Environment environment) {
        return consumer.groupId() != null ? consumer.groupId() : applicationName(environment);
    }

    /** The {@code ce_source}: the configured one, or {@code /teletherapy/<application name>}. */
    public String source(Environment environment) {
        return source != null ? source : "/teletherapy/" + applicationName(environment);
    }

    private static String applicationName(Environment environment) {
        return environment.getRequiredProperty("spring.application.name");
    }

    public record Jdbc(String url, String username, String password) {
    }

    /**
     * @param batchSize      rows claimed and published per transaction
     * @param pollInterval   the safety-net poll when no notification arrives
     * @param maxBackoff     the longest pause between attempts while Kafka is away
     * @param sendTimeout    how long a batch may wait for Kafka's acknowledgements
     * @param retention      how long sent rows are kept (for inspection) before they are deleted
     * @param cleanupInterval how often sent rows and old consumer records are deleted
     */
    public record Relay(@DefaultValue("true") boolean enabled, @DefaultValue("200") int batchSize,
                        @DefaultValue("5s") Duration pollInterval, @DefaultValue("5s") Duration maxBackoff,
                        @DefaultValue("15s") Duration sendTimeout, @DefaultValue("7d") Duration retention,
                        @DefaultValue("1h") Duration cleanupInterval) {
    }

    /**
     * @param groupId            the consumer group; defaults to the application's name
     * @param concurrency        listener threads
     * @param retryInitial       first pause before a failed event is tried again
     * @param retryMaxElapsed    after this long a transient failure is given up and the event dead-lettered
     * @param processedRetention how long applied event ids are remembered (longer than the topics' retention)
     */
    public record Consumer(String groupId, @DefaultValue("1") int concurrency,
                           @DefaultValue("200ms") Duration retryInitial, @DefaultValue("30s") Duration retryMaxElapsed,
                           @DefaultValue("30d") Duration processedRetention) {
    }
}
