package org.teletherapy.eventing;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.teletherapy.eventing.inbox.EventHandler;
import org.teletherapy.events.EventJson;
import org.teletherapy.events.EventTypes;
import org.teletherapy.events.Topics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A service gets an outbox (write events in its transactions, a relay publishes them: {@link OutboxAutoConfiguration})
 * and, if it declares {@link EventHandler} beans, an idempotent consumer with retries and dead letters
 * ({@link InboxAutoConfiguration}). Nothing to code beyond that. This part holds what both share: the eventing
 * schema, the Kafka producer, Kafka's health and the topics.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
        "org.springframework.boot.data.r2dbc.autoconfigure.DataR2dbcAutoConfiguration",
        "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration"})
@EnableConfigurationProperties(EventingProperties.class)
public class EventingAutoConfiguration {

    /** Header of a dead-lettered record that says why it could not be applied. */
    public static final String DEAD_LETTER_REASON = "teletherapy-dlt-reason";

    @Bean
    EventJson eventJson() {
        return new EventJson();
    }

    @Bean
    EventingDatabase eventingDatabase(EventingProperties properties, Environment environment) {
        EventingProperties.Jdbc jdbc = properties.jdbc();
        EventingDatabase database = new EventingDatabase(
                jdbc != null && jdbc.url() != null ? jdbc.url() : environment.getRequiredProperty("spring.flyway.url"),
                jdbc != null && jdbc.username() != null ? jdbc.username() : environment.getProperty("spring.flyway.user"),
                jdbc != null && jdbc.password() != null ? jdbc.password() : environment.getProperty("spring.flyway.password"));
        database.migrate();
        return database;
    }

    @Bean
    KafkaTemplate<String, byte[]> eventingKafkaTemplate(KafkaProperties kafka, ObjectProvider<MeterRegistry> meters) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 1);
        // Fail fast while Kafka is away: the outbox keeps the events, the relay retries with backoff.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
        DefaultKafkaProducerFactory<String, byte[]> factory = new DefaultKafkaProducerFactory<>(config);
        meters.ifAvailable(registry -> factory.addListener(new MicrometerProducerListener<>(registry)));
        KafkaTemplate<String, byte[]> template = new KafkaTemplate<>(factory);
        // The observation times each send (spring.kafka.template) and traces it; the template's own Micrometer timer
        // would register the same name with other tags, which Prometheus refuses.
        template.setObservationEnabled(true);
        template.setMicrometerEnabled(false);
        return template;
    }

    @Bean(name = "kafkaHealthIndicator")
    KafkaHealthIndicator kafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
        return new KafkaHealthIndicator(kafkaAdmin);
    }

    @Bean
    KafkaAdmin.NewTopics eventingTopics(EventingProperties properties, ObjectProvider<EventHandler<?>> handlers) {
        List<NewTopic> topics = new ArrayList<>();
        if (properties.topic() != null) {
            topics.add(TopicBuilder.name(properties.topic()).partitions(3).build());
        }
        handlers.orderedStream()
                .map(handler -> EventTypes.topicOf(
                        EventTypes.typeOf(handler.eventClass())))
                .distinct()
                .forEach(topic -> topics.add(TopicBuilder.name(Topics.deadLetter(topic)).partitions(1).build()));
        return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
    }
}
