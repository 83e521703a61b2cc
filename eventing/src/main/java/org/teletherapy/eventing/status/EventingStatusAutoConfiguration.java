package org.teletherapy.eventing.status;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.r2dbc.core.DatabaseClient;
import org.teletherapy.eventing.EventingAutoConfiguration;
import org.teletherapy.eventing.EventingProperties;
import org.teletherapy.eventing.inbox.InboxAutoConfiguration;
import org.teletherapy.eventing.inbox.EventConsumer;
import org.teletherapy.service.ops.OpsFiguresContributor;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The pipeline figures of a service that uses eventing: what operators see of its outbox, lag and dead letters. */
@AutoConfiguration(after = {EventingAutoConfiguration.class, InboxAutoConfiguration.class})
public class EventingStatusAutoConfiguration {

    /**
     * Each half of the figures gives up after this: well inside the 1.5 s a service's ops status allows a figure
     * group, so a Kafka outage costs the Kafka figures only, not the outbox ones.
     */
    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    @Bean
    PipelineFigures pipelineFigures(DatabaseClient database, KafkaAdmin kafkaAdmin, EventingProperties properties,
                                    Environment environment, ObjectProvider<EventConsumer> consumer) {
        Map<String, Object> config = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        Admin admin = Admin.create(config);
        // The same group the event listener uses (InboxAutoConfiguration): its committed offsets are the lag's base.
        String groupId = properties.groupId(environment);
        EventConsumer events = consumer.getIfAvailable();
        List<String> topics = events == null ? List.of() : List.copyOf(events.topics());
        return new PipelineFigures(database, admin, new ConsumerOffsets(admin, groupId, topics, TIMEOUT), TIMEOUT);
    }

    /** The figures in the service's ops status, where the service has one (service-support on its class path). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(OpsFiguresContributor.class)
    static class OpsStatusFigures {

        @Bean
        OpsFiguresContributor pipelineOpsFigures(PipelineFigures pipeline) {
            return OpsFiguresContributor.of(pipeline.name(), pipeline::figures);
        }
    }
}
