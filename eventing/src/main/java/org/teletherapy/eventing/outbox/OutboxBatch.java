package org.teletherapy.eventing.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.springframework.kafka.core.KafkaTemplate;
import org.teletherapy.events.CloudEventHeaders;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One batch of the relay: claims unsent rows, sends them to Kafka as CloudEvents in the trace of the request that
 * wrote them, and marks them sent, all in one transaction. Rows are claimed with {@code FOR UPDATE SKIP LOCKED} plus
 * a transaction-scoped advisory lock per key, so several instances share the work without publishing a row twice and
 * without two instances interleaving one key's events.
 */
final class OutboxBatch {

    private static final String CLAIM = """
            select position, event_id, topic, event_key, event_type, subject, payload, trace_parent, occurred_at
              from eventing.outbox_event
             where sent_at is null
               and pg_try_advisory_xact_lock(1870, hashtext(event_key))
             order by position
             limit ?
               for update skip locked""";

    private final KafkaTemplate<String, byte[]> kafka;
    private final int batchSize;
    private final Duration sendTimeout;
    private final String source;
    private final ObservationRegistry observations;
    private final Counter published;

    OutboxBatch(KafkaTemplate<String, byte[]> kafka, int batchSize, Duration sendTimeout, String source,
                ObservationRegistry observations, MeterRegistry meters) {
        this.kafka = kafka;
        this.batchSize = batchSize;
        this.sendTimeout = sendTimeout;
        this.source = source;
        this.observations = observations;
        this.published = Counter.builder("teletherapy.outbox.published").description("Outbox events published to Kafka")
                .register(meters);
    }

    /** Publishes one batch; how many rows it held (0: the outbox is empty). Rolls back when Kafka did not take it. */
    int publish(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        try {
            List<OutboxRow> rows = claim(connection);
            if (rows.isEmpty()) {
                connection.commit();
                return 0;
            }
            send(rows);
            markSent(connection, rows);
            connection.commit();
            published.increment(rows.size());
            return rows.size();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private List<OutboxRow> claim(Connection connection) throws SQLException {
        List<OutboxRow> rows = new ArrayList<>();
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setInt(1, batchSize);
            try (ResultSet result = claim.executeQuery()) {
                while (result.next()) {
                    rows.add(new OutboxRow(result.getLong("position"), result.getObject("event_id").toString(),
                            result.getString("topic"), result.getString("event_key"), result.getString("event_type"),
                            result.getString("subject"), result.getBytes("payload"), result.getString("trace_parent"),
                            result.getTimestamp("occurred_at").toInstant()));
                }
            }
        }
        return rows;
    }

    private void send(List<OutboxRow> rows) {
        List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
        try {
            for (OutboxRow row : rows) {
                acks.add(sendInItsTrace(row));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted", e);
        } catch (Exception e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new PublishFailedException(cause.getClass().getSimpleName(), e);
        }
    }

    /**
     * Continues the trace of the request that wrote the row: a span extracted from the stored {@code traceparent}
     * is the parent of the Kafka template's producer span, which writes its own {@code traceparent} header.
     */
    private CompletableFuture<?> sendInItsTrace(OutboxRow row) {
        if (row.traceParent() == null) {
            return kafka.send(toRecord(row));
        }
        ReceiverContext<Map<String, String>> context = new ReceiverContext<>(Map::get);
        context.setCarrier(Map.of(OutboxWriter.TRACEPARENT, row.traceParent()));
        context.setRemoteServiceName("outbox");
        return Observation.createNotStarted("teletherapy.outbox.relay", () -> context, observations)
                .contextualName("outbox relay " + row.type())
                .lowCardinalityKeyValue("event.type", row.type())
                .observe(() -> kafka.send(toRecord(row)));
    }

    private ProducerRecord<String, byte[]> toRecord(OutboxRow row) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        record.headers()
                .add(header(CloudEventHeaders.ID, row.eventId()))
                .add(header(CloudEventHeaders.SPECVERSION, CloudEventHeaders.SPEC_VERSION))
                .add(header(CloudEventHeaders.TYPE, row.type()))
                .add(header(CloudEventHeaders.SOURCE, source))
                .add(header(CloudEventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(row.occurredAt())))
                .add(header(CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON_CONTENT_TYPE));
        if (row.subject() != null) {
            record.headers().add(header(CloudEventHeaders.SUBJECT, row.subject()));
        }
        return record;
    }

    private static RecordHeader header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void markSent(Connection connection, List<OutboxRow> rows) throws SQLException {
        Long[] positions = rows.stream().map(OutboxRow::position).toArray(Long[]::new);
        try (PreparedStatement update = connection.prepareStatement(
                "update eventing.outbox_event set sent_at = now(), attempts = attempts + 1 where position = any (?)")) {
            Array array = connection.createArrayOf("bigint", positions);
            update.setArray(1, array);
            update.executeUpdate();
        }
    }

    private record OutboxRow(long position, String eventId, String topic, String key, String type, String subject,
                             byte[] payload, String traceParent, Instant occurredAt) {
    }

    /** Kafka did not take the batch (away, refusing, or too slow): it is rolled back and tried again. */
    static final class PublishFailedException extends RuntimeException {
        PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
