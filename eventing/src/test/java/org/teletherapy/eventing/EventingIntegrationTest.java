package org.teletherapy.eventing;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import io.micrometer.tracing.Tracer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.teletherapy.eventing.outbox.OutboxRelay;
import org.teletherapy.eventing.testapp.Bookings;
import org.teletherapy.eventing.testapp.TestEvents;
import org.teletherapy.events.CloudEventHeaders;
import org.teletherapy.events.EventJson;
import org.teletherapy.events.Topics;
import org.teletherapy.testsupport.Infrastructure;
import org.teletherapy.testsupport.IntegrationTest;
import reactor.util.context.Context;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The outbox, the relay and the idempotent consumer against a real PostgreSQL and a real Kafka broker. */
@IntegrationTest
class EventingIntegrationTest {

    @Autowired
    Bookings bookings;

    @Autowired
    DatabaseClient database;

    @Autowired
    EventingDatabase eventingDatabase;

    @Autowired
    EventingProperties properties;

    @Autowired
    KafkaTemplate<String, byte[]> eventingKafkaTemplate;

    @Autowired
    MeterRegistry meters;

    @Autowired
    ObservationRegistry observations;

    @Autowired
    Tracer tracer;

    final EventJson json = new EventJson();
    final Infrastructure.KafkaEndpoint kafka = Infrastructure.shared().kafka();

    @BeforeEach
    void kafkaIsUp() {
        kafka.start();
    }

    @Test
    void eventsWrittenWhileKafkaIsDownAllArriveOnceItIsBack() {
        awaitCopies(bookings.book(UUID.randomUUID()).block(), 1); // the pipeline works before the outage

        kafka.stop();
        List<UUID> booked = new ArrayList<>();
        Instant outageEnds = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(outageEnds)) {
            booked.add(bookings.book(UUID.randomUUID()).block(Duration.ofSeconds(10)));
            sleep(Duration.ofMillis(100));
        }
        assertThat(unsentRows()).as("events wait in the outbox while Kafka is away").isGreaterThanOrEqualTo(booked.size() - 5L);
        kafka.start();

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() ->
                assertThat(copiesOf(booked)).as("every event applied").isEqualTo(booked.size()));
        assertThat(duplicateCopies()).as("no event applied twice").isZero();
        assertThat(unsentRows()).isZero();
    }

    @Test
    void aRolledBackStateChangeLeavesNoEvent() {
        long before = outboxRows();
        assertThatThrownBy(() -> bookings.bookButFail(UUID.randomUUID()).block()).hasMessageContaining("booking failed");
        assertThat(outboxRows()).isEqualTo(before);
    }

    @Test
    void theSameEventDeliveredThreeTimesHasOneEffect() {
        UUID sessionId = UUID.randomUUID();
        UUID clientId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        byte[] payload = json.write(TestEvents.booked(sessionId, clientId));
        double duplicatesBefore = counter("teletherapy.events.duplicates");
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (int delivery = 0; delivery < 3; delivery++) {
                producer.send(record(Topics.SESSIONS, clientId, eventId, "session.booked", payload));
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> counter("teletherapy.events.duplicates") - duplicatesBefore >= 2);
        assertThat(copiesOf(List.of(sessionId))).isEqualTo(1);
    }

    @Test
    void aMalformedRecordIsDeadLetteredWithItsReasonAndTheNextGoodOneIsApplied() {
        UUID clientId = UUID.randomUUID();
        UUID goodSession = UUID.randomUUID();
        String badEventId = UUID.randomUUID().toString();
        try (KafkaConsumer<String, byte[]> deadLetters = consumer(Topics.deadLetter(Topics.SESSIONS));
             KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(record(Topics.SESSIONS, clientId, badEventId, "session.booked",
                    "{ this is not json".getBytes(StandardCharsets.UTF_8)));
            producer.send(record(Topics.SESSIONS, clientId, UUID.randomUUID().toString(), "session.booked",
                    json.write(TestEvents.booked(goodSession, clientId))));

            awaitCopies(goodSession, 1);
            ConsumerRecord<String, byte[]> dead = pollUntil(deadLetters, Duration.ofSeconds(30), record ->
                    badEventId.equals(header(record, CloudEventHeaders.ID)));
            assertThat(header(dead, "kafka_dlt-exception-cause-fqcn")).endsWith("UnreadableEventException");
            assertThat(header(dead, EventingAutoConfiguration.DEAD_LETTER_REASON)).startsWith("UnreadableEventException: ");
            assertThat(header(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.SESSIONS);
        }
    }

    @Test
    void anUnknownEventTypeIsDeadLetteredAtOnce() {
        UUID clientId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        try (KafkaConsumer<String, byte[]> deadLetters = consumer(Topics.deadLetter(Topics.SESSIONS));
             KafkaProducer<String, byte[]> producer = producer()) {
            producer.send(record(Topics.SESSIONS, clientId, eventId, "session.teleported.v9", "{}".getBytes()));
            ConsumerRecord<String, byte[]> dead = pollUntil(deadLetters, Duration.ofSeconds(30), record ->
                    eventId.equals(header(record, CloudEventHeaders.ID)));
            assertThat(header(dead, EventingAutoConfiguration.DEAD_LETTER_REASON))
                    .isEqualTo("PoisonEventException: unknown event type 'session.teleported.v9'");
        }
    }

    @Test
    void twoRelaysOnOneOutboxPublishEveryRowOnceAndKeepEachClientsOrder() {
        // A second relay, as a second instance of the service would run, on the same outbox table.
        OutboxRelay second = new OutboxRelay(eventingDatabase.dataSource(), eventingKafkaTemplate, properties.relay(),
                properties.consumer().processedRetention(), "/teletherapy/second-instance", new SimpleMeterRegistry(),
                ObservationRegistry.NOOP, Clock.systemUTC());
        second.start();
        try (KafkaConsumer<String, byte[]> topic = consumer(Topics.SESSIONS)) {
            List<UUID> clients = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            Map<String, List<String>> writtenOrder = new HashMap<>();
            for (int i = 0; i < 100; i++) {
                for (UUID client : clients) {
                    UUID session = bookings.book(client).block();
                    writtenOrder.computeIfAbsent(client.toString(), c -> new ArrayList<>()).add(session.toString());
                }
            }
            Map<String, List<String>> receivedOrder = new LinkedHashMap<>();
            List<String> eventIds = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(60);
            while (receivedCount(receivedOrder, writtenOrder) < 400 && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : topic.poll(Duration.ofMillis(500))) {
                    if (writtenOrder.containsKey(record.key())) {
                        eventIds.add(header(record, CloudEventHeaders.ID));
                        receivedOrder.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(header(record, CloudEventHeaders.SUBJECT));
                    }
                }
            }
            // Give a duplicate the chance to show up before concluding there is none.
            topic.poll(Duration.ofSeconds(2)).forEach(record -> {
                if (writtenOrder.containsKey(record.key())) {
                    eventIds.add(header(record, CloudEventHeaders.ID));
                }
            });
            assertThat(eventIds).hasSize(400).doesNotHaveDuplicates();
            assertThat(receivedOrder).isEqualTo(writtenOrder);
        } finally {
            second.stop();
        }
    }

    @Test
    void anEventIsPublishedInTheTraceOfTheRequestThatWroteIt() {
        Observation request = Observation.start("test.request", observations);
        String traceId;
        try (Observation.Scope ignored = request.openScope()) {
            traceId = tracer.currentSpan().context().traceId();
        }
        UUID session = bookings.book(UUID.randomUUID())
                .contextWrite(Context.of(ObservationThreadLocalAccessor.KEY, request)).block();
        request.stop();

        try (KafkaConsumer<String, byte[]> topic = consumer(Topics.SESSIONS)) {
            ConsumerRecord<String, byte[]> published = pollUntil(topic, Duration.ofSeconds(30),
                    record -> session.toString().equals(header(record, CloudEventHeaders.SUBJECT)));
            // Same trace as the request; the span is the producer's, a descendant of the request's.
            assertThat(header(published, "traceparent")).matches("00-" + traceId + "-[0-9a-f]{16}-01");
        }
    }

    @Test
    void operatorsSeeThePipelineInMetrics() {
        awaitCopies(bookings.book(UUID.randomUUID()).block(), 1);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(counter("teletherapy.outbox.published")).isPositive();
            assertThat(counter("teletherapy.events.applied")).isPositive();
            assertThat(meters.find("teletherapy.outbox.backlog").gauge()).isNotNull();
            assertThat(meters.find("teletherapy.outbox.oldest.age").gauge()).isNotNull();
            assertThat(meters.find("kafka.consumer.fetch.manager.records.lag.max").meters()).as("consumer lag").isNotEmpty();
        });
        // Event types are fine as tags; ids of people never are.
        assertThat(meters.getMeters()).allSatisfy(meter -> assertThat(meter.getId().getTags())
                .noneMatch(tag -> tag.getValue().matches("[0-9a-f]{8}-[0-9a-f]{4}-.*")));
    }

    private static int receivedCount(Map<String, List<String>> received, Map<String, List<String>> written) {
        return received.values().stream().mapToInt(List::size).sum();
    }

    private void awaitCopies(UUID sessionId, int copies) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(copiesOf(List.of(sessionId))).isEqualTo(copies));
    }

    private long copiesOf(List<UUID> sessions) {
        return database.sql("select count(*) from booking_copy where session_id = any(:ids)")
                .bind("ids", sessions.toArray(UUID[]::new))
                .map(row -> row.get(0, Long.class)).one().block();
    }

    private long duplicateCopies() {
        return database.sql("select count(*) - count(distinct session_id) from booking_copy")
                .map(row -> row.get(0, Long.class)).one().block();
    }

    private long unsentRows() {
        return database.sql("select count(*) from eventing.outbox_event where sent_at is null")
                .map(row -> row.get(0, Long.class)).one().block();
    }

    private long outboxRows() {
        return database.sql("select count(*) from eventing.outbox_event").map(row -> row.get(0, Long.class)).one().block();
    }

    private double counter(String name) {
        return meters.find(name).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    private ProducerRecord<String, byte[]> record(String topic, UUID key, String eventId, String type, byte[] payload) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key.toString(), payload);
        record.headers().add(new RecordHeader(CloudEventHeaders.ID, eventId.getBytes()))
                .add(new RecordHeader(CloudEventHeaders.TYPE, type.getBytes()))
                .add(new RecordHeader(CloudEventHeaders.SOURCE, "/tests".getBytes()))
                .add(new RecordHeader(CloudEventHeaders.TIME, Instant.now().toString().getBytes()));
        return record;
    }

    private KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    private KafkaConsumer<String, byte[]> consumer(String topic) {
        KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    private static ConsumerRecord<String, byte[]> pollUntil(KafkaConsumer<String, byte[]> consumer, Duration timeout,
                                                          java.util.function.Predicate<ConsumerRecord<String, byte[]>> match) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                if (match.test(record)) {
                    return record;
                }
            }
        }
        throw new AssertionError("no matching record within " + timeout);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
