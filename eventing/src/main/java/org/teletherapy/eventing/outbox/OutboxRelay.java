package org.teletherapy.eventing.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.transport.ReceiverContext;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.teletherapy.eventing.EventingProperties;
import org.teletherapy.events.CloudEventHeaders;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes outbox rows to Kafka, in order per key, and marks them sent.
 *
 * <p>One background thread per service instance. It sleeps on PostgreSQL {@code LISTEN} (woken by the insert
 * trigger when a writer commits) with a slow poll as a safety net. Rows are claimed in a transaction with
 * {@code FOR UPDATE SKIP LOCKED} plus a transaction-scoped advisory lock per key, so several instances share the work
 * without publishing a row twice and without two instances interleaving one key's events. While Kafka is away the
 * claim rolls back and is retried with growing pauses; nothing is lost, at worst an event is sent again after a
 * crash between the send and the commit, which the idempotent consumers absorb.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    private static final String CLAIM = """
            select position, event_id, topic, event_key, event_type, subject, payload, trace_parent, occurred_at
              from eventing.outbox_event
             where sent_at is null
               and pg_try_advisory_xact_lock(1870, hashtext(event_key))
             order by position
             limit ?
               for update skip locked""";

    private final ObservationRegistry observations;
    private final Clock clock;
    private final DataSource dataSource;
    private final KafkaTemplate<String, byte[]> kafka;
    private final EventingProperties.Relay settings;
    private final Duration processedEventRetention;
    private final String source;
    private final Counter published;
    private final Counter publishFailures;
    private final Timer batchTimer;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private volatile boolean running;
    private Thread thread;
    private Instant lastCleanup = Instant.EPOCH;
    private Instant lastGaugeUpdate = Instant.EPOCH;
    private boolean publishedSinceGaugeUpdate;

    public OutboxRelay(DataSource dataSource, KafkaTemplate<String, byte[]> kafka, EventingProperties.Relay settings,
                       Duration processedEventRetention, String source, MeterRegistry meters,
                       ObservationRegistry observations, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.observations = observations;
        this.processedEventRetention = processedEventRetention;
        this.kafka = kafka;
        this.settings = settings;
        this.source = source;
        this.published = Counter.builder("teletherapy.outbox.published").description("Outbox events published to Kafka")
                .register(meters);
        this.publishFailures = Counter.builder("teletherapy.outbox.publish.failures")
                .description("Outbox batches that could not be published (Kafka away or refusing)").register(meters);
        this.batchTimer = Timer.builder("teletherapy.outbox.batch").description("Claim, publish and mark one batch")
                .register(meters);
        Gauge.builder("teletherapy.outbox.backlog", backlog, AtomicLong::get).description("Unsent outbox rows")
                .register(meters);
        Gauge.builder("teletherapy.outbox.oldest.age", oldestAgeSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Age of the oldest unsent outbox row").register(meters);
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop before the Kafka producer and the database pool go away. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 100;
    }

    private void run() {
        Backoff backoff = new Backoff(settings.maxBackoff());
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement listen = connection.createStatement()) {
                    listen.execute("listen outbox_event");
                }
                PGConnection notifications = connection.unwrap(PGConnection.class);
                while (running) {
                    if (drain(connection)) {
                        backoff.reset();
                    } else {
                        sleep(backoff.next());
                        continue;
                    }
                    housekeeping(connection);
                    // Returns at the first notification or after the poll interval, whichever comes first.
                    notifications.getNotifications((int) settings.pollInterval().toMillis());
                }
            } catch (SQLException e) {
                if (running) {
                    log.warn("outbox relay lost its database connection ({}); retrying", e.getSQLState());
                    sleep(backoff.next());
                }
            }
        }
    }

    /** Publishes batches until the outbox is empty. False when a batch could not be published. */
    private boolean drain(Connection connection) throws SQLException {
        int claimed;
        do {
            long started = System.nanoTime();
            try {
                claimed = publishOneBatch(connection);
            } catch (PublishFailedException e) {
                publishFailures.increment();
                log.warn("outbox batch not published, will retry: {}", e.getMessage());
                return false;
            }
            batchTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        } while (claimed == settings.batchSize() && running);
        return true;
    }

    private int publishOneBatch(Connection connection) throws SQLException {
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
            publishedSinceGaugeUpdate = true;
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
            claim.setInt(1, settings.batchSize());
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
                    .get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
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

    /**
     * Gauges and, once per cleanup interval, old rows of both eventing tables. When idle this adds one small
     * query every 15 s to the claim transaction of each poll.
     */
    private void housekeeping(Connection connection) throws SQLException {
        Instant now = clock.instant();
        // Busy: refresh at most once a second. Idle: the gauges cannot have moved much, refresh every 15 s.
        long refreshAfter = publishedSinceGaugeUpdate ? 1 : 15;
        if (Duration.between(lastGaugeUpdate, now).toSeconds() >= refreshAfter) {
            publishedSinceGaugeUpdate = false;
            lastGaugeUpdate = now;
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("""
                         select count(*), coalesce(extract(epoch from now() - min(occurred_at)), 0)
                           from eventing.outbox_event where sent_at is null""")) {
                result.next();
                backlog.set(result.getLong(1));
                oldestAgeSeconds.set(result.getLong(2));
            }
        }
        if (Duration.between(lastCleanup, now).compareTo(settings.cleanupInterval()) >= 0) {
            lastCleanup = now;
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from eventing.outbox_event where sent_at < now() - make_interval(secs => ?)")) {
                delete.setLong(1, settings.retention().toSeconds());
                int deleted = delete.executeUpdate();
                if (deleted > 0) {
                    log.info("deleted {} sent outbox rows older than {}", deleted, settings.retention());
                }
            }
            // The consumer's memory of applied event ids only needs to outlast the topics' retention.
            try (PreparedStatement delete = connection.prepareStatement(
                    "delete from eventing.processed_event where processed_at < now() - make_interval(secs => ?)")) {
                delete.setLong(1, processedEventRetention.toSeconds());
                delete.executeUpdate();
            }
        }
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record OutboxRow(long position, String eventId, String topic, String key, String type, String subject,
                             byte[] payload, String traceParent, Instant occurredAt) {
    }

    private static final class PublishFailedException extends RuntimeException {
        PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Doubling pauses from 100 ms up to a ceiling, so a long outage costs few attempts and recovery is quick. */
    private static final class Backoff {
        private final Duration max;
        private Duration next = Duration.ofMillis(100);

        Backoff(Duration max) {
            this.max = max;
        }

        Duration next() {
            Duration current = next;
            next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
            return current;
        }

        void reset() {
            next = Duration.ofMillis(100);
        }
    }
}
