package org.teletherapy.web.safety;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.teletherapy.events.CloudEventHeaders;
import org.teletherapy.events.EventJson;
import org.teletherapy.events.EventTypes;
import org.teletherapy.events.exercises.MeasureSafetyAlert;
import org.teletherapy.events.exercises.MeasureSafetyAlertAcknowledged;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Reads exercises-service's safety events as they come, for the open pages of this instance only: every instance has
 * its own consumer group, starts at the newest event and commits nothing. A page that was not open has nothing to
 * miss, since it shows the open alerts from the API when it loads.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "teletherapy.web.live-alerts", havingValue = "true", matchIfMissing = true)
class SafetyEventsListener {

    private static final Logger log = LoggerFactory.getLogger(SafetyEventsListener.class);
    private static final EventJson JSON = new EventJson();

    @Bean
    KafkaMessageListenerContainer<String, byte[]> safetyEventsContainer(KafkaProperties kafka, LiveAlerts live) {
        Map<String, Object> config = kafka.buildConsumerProperties();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "web-live-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        ContainerProperties properties = new ContainerProperties(EventTypes.topicOf(MeasureSafetyAlert.TYPE));
        // Nothing to resume from: a restarted instance has no pages open.
        properties.setAckMode(ContainerProperties.AckMode.MANUAL);
        properties.setMessageListener((MessageListener<String, byte[]>) record -> apply(record, live));
        return new KafkaMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(config), properties);
    }

    private static void apply(ConsumerRecord<String, byte[]> record, LiveAlerts live) {
        Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
        String name = type == null ? "" : new String(type.value(), StandardCharsets.UTF_8);
        try {
            if (MeasureSafetyAlert.TYPE.equals(name)) {
                MeasureSafetyAlert alert = JSON.read(name, record.value());
                live.raisedFor(alert.therapistId());
            } else if (MeasureSafetyAlertAcknowledged.TYPE.equals(name)) {
                live.changedForEveryone();
            }
        } catch (RuntimeException unreadable) {
            // The banner still comes with the next page load; the event's content is not logged (it names a client).
            log.warn("Unreadable {} event at offset {}: {}", name, record.offset(), unreadable.getClass().getSimpleName());
        }
    }
}
