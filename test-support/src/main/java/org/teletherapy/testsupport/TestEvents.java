package org.teletherapy.testsupport;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.teletherapy.events.CloudEventHeaders;
import org.teletherapy.events.DomainEvent;
import org.teletherapy.events.EventJson;
import org.teletherapy.events.EventTypes;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;

/**
 * Publishes events to the shared Kafka broker exactly as another service's outbox relay would (CloudEvents binary
 * mode), so a consumer can be tested without running the producing service.
 */
public final class TestEvents {

    private static final EventJson JSON = new EventJson();

    private TestEvents() {
    }

    /** Publishes {@code event} with a new event id, and returns that id. */
    public static UUID publish(DomainEvent event) {
        UUID id = UUID.randomUUID();
        publish(event, id);
        return id;
    }

    /** Publishes {@code event} with the given id (publish twice with one id to test duplicate delivery). */
    public static void publish(DomainEvent event, UUID eventId) {
        String type = EventTypes.typeOf(event.getClass());
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventTypes.topicOf(type),
                event.clientId().toString(), JSON.write(event));
        header(record, CloudEventHeaders.ID, eventId.toString());
        header(record, CloudEventHeaders.SPECVERSION, CloudEventHeaders.SPEC_VERSION);
        header(record, CloudEventHeaders.TYPE, type);
        header(record, CloudEventHeaders.SOURCE, "/teletherapy/tests");
        header(record, CloudEventHeaders.TIME, event.occurredAt().toString());
        header(record, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON_CONTENT_TYPE);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafka().bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish a test event", e.getCause());
        }
    }

    /**
     * The payloads (JSON text) of every record of {@code type} on {@code topic} whose payload {@code matches}, read from
     * the start of the topic for {@code window}: to see what a service really published, and how often.
     */
    public static List<String> published(String topic, String type, Predicate<String> matches, Duration window) {
        List<String> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "tests-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            Instant end = Instant.now().plus(window);
            while (Instant.now().isBefore(end)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(300))) {
                    Header header = record.headers().lastHeader(CloudEventHeaders.TYPE);
                    String payload = new String(record.value(), StandardCharsets.UTF_8);
                    if (header != null && type.equals(new String(header.value(), StandardCharsets.UTF_8))
                            && matches.test(payload)) {
                        found.add(payload);
                    }
                }
            }
        }
        return found;
    }

    private static void header(ProducerRecord<String, byte[]> record, String name, String value) {
        record.headers().add(new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8)));
    }
}
