package org.teletherapy.eventing.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.MicrometerConsumerListener;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.util.backoff.ExponentialBackOff;
import org.teletherapy.eventing.EventingAutoConfiguration;
import org.teletherapy.eventing.EventingDatabase;
import org.teletherapy.eventing.EventingProperties;
import org.teletherapy.events.DomainEvent;
import org.teletherapy.events.EventJson;
import org.teletherapy.events.Topics;
import org.teletherapy.events.UnreadableEventException;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.teletherapy.eventing.EventingAutoConfiguration.DEAD_LETTER_REASON;

/** The consumer of a service that declares {@link EventHandler} beans: idempotent, with retries and dead letters. */
@AutoConfiguration(after = EventingAutoConfiguration.class)
public class InboxAutoConfiguration {

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
        config.put(ConsumerConfig.GROUP_ID_CONFIG, properties.groupId(environment));
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
            Throwable cause = NestedExceptionUtils.getMostSpecificCause(exception);
            return new RecordHeaders().add(DEAD_LETTER_REASON,
                    (cause.getClass().getSimpleName() + ": " + cause.getMessage()).getBytes(StandardCharsets.UTF_8));
        });
        ExponentialBackOff backOff = new ExponentialBackOff(settings.retryInitial().toMillis(), 2.0);
        backOff.setMaxInterval(5_000);
        backOff.setMaxElapsedTime(settings.retryMaxElapsed().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler((record, exception) -> {
            Counter.builder("teletherapy.events.dead.lettered")
                    .tag("topic", record.topic()).register(meters).increment();
            deadLetters.accept(record, exception);
        }, backOff);
        handler.addNotRetryableExceptions(PoisonEventException.class, UnreadableEventException.class);
        return handler;
    }
}
