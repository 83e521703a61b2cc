package org.teletherapy.eventing.status;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.r2dbc.core.DatabaseClient;
import org.teletherapy.eventing.outbox.OutboxRelay;
import org.teletherapy.eventing.testapp.Bookings;
import org.teletherapy.eventing.testapp.TestEvents;
import org.teletherapy.events.Topics;
import org.teletherapy.testsupport.Infrastructure;
import org.teletherapy.testsupport.IntegrationTest;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The pipeline figures operators see, from real outbox rows and the real broker's offsets. */
@IntegrationTest
class PipelineFiguresTest {

    @Autowired
    PipelineFigures figures;

    @Autowired
    OutboxRelay relay;

    @Autowired
    @Qualifier("eventListenerContainer")
    MessageListenerContainer listener;

    @Autowired
    Bookings bookings;

    @Autowired
    DatabaseClient database;

    final Infrastructure.KafkaEndpoint kafka = Infrastructure.shared().kafka();

    @BeforeEach
    void kafkaIsUp() {
        kafka.start();
    }

    @Test
    void unsentOutboxRowsAreTheBacklogAndTheOldestOnesWaitIsItsAge() {
        relay.stop();
        try {
            long before = pipeline().outboxBacklog();
            UUID client = UUID.randomUUID();
            bookings.book(client).block();
            bookings.book(client).block();
            database.sql("update eventing.outbox_event set occurred_at = now() - interval '2 minutes' where event_key = :key")
                    .bind("key", client.toString()).then().block();

            Pipeline pipeline = pipeline();
            assertThat(pipeline.outboxBacklog()).isEqualTo(before + 2);
            assertThat(pipeline.outboxOldestAgeSeconds()).isGreaterThanOrEqualTo(120);
            assertThat(figures.figures().block()).containsKeys("outboxBacklog", "outboxOldestAgeSeconds");
        } finally {
            relay.start();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(pipeline().outboxBacklog()).isZero();
            assertThat(pipeline().outboxOldestAgeSeconds()).isZero();
        });
    }

    @Test
    void recordsTheConsumerGroupHasNotCommittedAreItsLag() {
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(0).equals(pipeline().consumerLag()));
        // Paused, not stopped: the consumer stays in its group, so resuming needs no rebalance.
        listener.pause();
        try {
            await().atMost(Duration.ofSeconds(30)).until(listener::isContainerPaused);
            for (int i = 0; i < 3; i++) {
                org.teletherapy.testsupport.TestEvents.publish(TestEvents.booked(UUID.randomUUID(), UUID.randomUUID()));
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(3).equals(pipeline().consumerLag()));
        } finally {
            listener.resume();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(0).equals(pipeline().consumerLag()));
    }

    @Test
    void aDeadLetteredRecordCountsInTheDeadLetters() {
        Long before = pipeline().deadLetters();
        assertThat(before).isNotNull();
        // No CloudEvents headers: poison, dead-lettered at once.
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(Topics.SESSIONS, UUID.randomUUID().toString(),
                    "{ not an event".getBytes(StandardCharsets.UTF_8)));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Long.valueOf(before + 1).equals(pipeline().deadLetters()));
    }

    @Test
    void whileKafkaIsAwayTheKafkaFiguresAreUnknownAndTheOutboxOnesStillCome() {
        kafka.stop();
        try {
            // Within the 2 s the gateway gives a service's status (and not Kafka's own minute), or the test fails here.
            Pipeline pipeline = figures.pipeline().block(Duration.ofSeconds(2));
            assertThat(pipeline.consumerLag()).isNull();
            assertThat(pipeline.deadLetters()).isNull();
            assertThat(pipeline.outboxBacklog()).isNotNull();
            assertThat(pipeline.figures()).containsOnlyKeys("outboxBacklog", "outboxOldestAgeSeconds");
        } finally {
            kafka.start();
        }
        // The next test starts with the broker answering again.
        await().atMost(Duration.ofSeconds(60)).until(() -> pipeline().consumerLag() != null);
    }

    private Pipeline pipeline() {
        return figures.pipeline().block(Duration.ofSeconds(5));
    }
}
