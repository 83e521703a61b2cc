package org.teletherapy.eventing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.core.MicrometerProducerListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.util.backoff.ExponentialBackOff;
import org.teletherapy.eventing.inbox.EventConsumer;
import org.teletherapy.eventing.inbox.EventHandler;
import org.teletherapy.eventing.inbox.PoisonEventException;
import org.teletherapy.eventing.outbox.OutboxRelay;
import org.teletherapy.eventing.outbox.OutboxWriter;
import org.teletherapy.events.DomainEvent;
import org.teletherapy.events.EventJson;
import org.teletherapy.events.Topics;
import org.teletherapy.events.UnreadableEventException;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A service gets an outbox (write events in its transactions, a relay publishes them) and, if it declares
 * {@link EventHandler} beans, an idempotent consumer with retries and dead letters. Nothing to code beyond that.
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
                properties.consumer().processedRetention(), source(properties, environment), meters,
                observations.getIfAvailable(() -> ObservationRegistry.NOOP), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    KafkaAdmin.NewTopics eventingTopics(EventingProperties properties, ObjectProvider<EventHandler<?>> handlers) {
        List<org.apache.kafka.clients.admin.NewTopic> topics = new java.util.ArrayList<>();
        if (properties.topic() != null) {
            topics.add(TopicBuilder.name(properties.topic()).partitions(3).build());
        }
        handlers.orderedStream()
                .map(handler -> org.teletherapy.events.EventTypes.topicOf(
                        org.teletherapy.events.EventTypes.typeOf(handler.eventClass())))
                .distinct()
                .forEach(topic -> topics.add(TopicBuilder.name(Topics.deadLetter(topic)).partitions(1).build()));
        return new KafkaAdmin.NewTopics(topics.toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }

    @Bean
    @ConditionalOnBean(EventHandler.class)
    EventConsumer eventConsumer(List<EventHandler<? extends DomainEvent>> handlers, DatabaseClient database,
                                ReactiveTransactionManager transactions, EventJson json, MeterRegistry meters,
                                EventingDatabase schema) {
        return new EventConsumer(handlers, database, TransactionalOperator.create(transactions), json, meters);
    }

    @Bean
    @ConditionalOnBean(EventHandler.class)
    ConcurrentMessageListenerContainer<String, byte[]> eventListenerContainer(
            EventConsumer consumer, KafkaProperties kafka, EventingProperties properties, Environment environment,
            KafkaTemplate<String, byte[]> eventingKafkaTemplate, MeterRegistry meters,
            ObjectProvider<ObservationRegistry> observations) {
        Map<String, Object> config = new HashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.consumer().groupId() != null
                ? properties.consumer().groupId() : environment.getRequiredProperty("spring.application.name"));
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        DefaultKafkaConsumerFactory<String, byte[]> factory = new DefaultKafkaConsumerFactory<>(config);
        factory.addListener(new MicrometerConsumerListener<>(meters));

        ContainerProperties container = new ContainerProperties(consumer.topics().toArray(String[]::new));
        container.setMessageListener(consumer);
        container.setObservationEnabled(true);
        observations.ifAvailable(container::setObservationRegistry);
        ConcurrentMessageListenerContainer<String, byte[]> listener = new ConcurrentMessageListenerContainer<>(factory, container);
        listener.setConcurrency(properties.consumer().concurrency());
        listener.setCommonErrorHandler(errorHandler(eventingKafkaTemplate, properties.consumer(), meters));
        return listener;
    }

    /**
     * Transient failures (database busy, a handler's dependency away) are retried with growing pauses; an event that
     * can never be applied goes to {@code <topic>.dlt} at once, with the reason in the record's headers.
     */
    private static DefaultErrorHandler errorHandler(KafkaTemplate<String, byte[]> template,
                                                    EventingProperties.Consumer settings, MeterRegistry meters) {
        DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(template,
                (record, exception) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        // Besides Spring Kafka's kafka_dlt-* headers, the reason in plain words. Our exceptions' messages never
        // quote the payload, so the reason holds no personal data.
        deadLetters.setHeadersFunction((record, exception) -> {
            Throwable cause = org.springframework.core.NestedExceptionUtils.getMostSpecificCause(exception);
            return new org.apache.kafka.common.header.internals.RecordHeaders().add(DEAD_LETTER_REASON,
                    (cause.getClass().getSimpleName() + ": " + cause.getMessage()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        });
        ExponentialBackOff backOff = new ExponentialBackOff(settings.retryInitial().toMillis(), 2.0);
        backOff.setMaxInterval(5_000);
        backOff.setMaxElapsedTime(settings.retryMaxElapsed().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler((record, exception) -> {
            io.micrometer.core.instrument.Counter.builder("teletherapy.events.dead.lettered")
                    .tag("topic", record.topic()).register(meters).increment();
            deadLetters.accept(record, exception);
        }, backOff);
        handler.addNotRetryableExceptions(PoisonEventException.class, UnreadableEventException.class);
        return handler;
    }

    static String source(EventingProperties properties, Environment environment) {
        return properties.source() != null ? properties.source()
                : "/teletherapy/" + environment.getRequiredProperty("spring.application.name");
    }
}
