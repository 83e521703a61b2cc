package org.teletherapy.eventing.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.teletherapy.eventing.EventingAutoConfiguration;
import org.teletherapy.eventing.EventingDatabase;
import org.teletherapy.eventing.EventingProperties;
import org.teletherapy.events.EventJson;

import java.time.Clock;

/** The outbox: the writer a service appends its events with, and the relay that publishes them. */
@AutoConfiguration(after = EventingAutoConfiguration.class)
public class OutboxAutoConfiguration {

    @Bean
    OutboxWriter outboxWriter(DatabaseClient database, EventJson json, EventingDatabase schema,
                              ObjectProvider<ObservationRegistry> observations) {
        return new OutboxWriter(database, json, observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    @ConditionalOnProperty(name = "teletherapy.eventing.relay.enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(EventingDatabase database, KafkaTemplate<String, byte[]> eventingKafkaTemplate,
                            EventingProperties properties, Environment environment, MeterRegistry meters,
                            ObjectProvider<ObservationRegistry> observations, ObjectProvider<Clock> clock) {
        return new OutboxRelay(database.dataSource(), eventingKafkaTemplate, properties.relay(),
                properties.consumer().processedRetention(), properties.source(environment), meters,
                observations.getIfAvailable(() -> ObservationRegistry.NOOP), clock.getIfAvailable(Clock::systemUTC));
    }
}
