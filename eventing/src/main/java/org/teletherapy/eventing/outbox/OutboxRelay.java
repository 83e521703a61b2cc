package org.teletherapy.eventing.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationRegistry;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.teletherapy.eventing.EventingProperties;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows to Kafka, in order per key, and marks them sent.
 *
 * <p>One background thread per service instance. It sleeps on PostgreSQL {@code LISTEN} (woken by the insert
 * trigger when a writer commits) with a slow poll as a safety net, then drains the outbox batch by batch
 * ({@link OutboxBatch}) and does its chores ({@link OutboxHousekeeping}). While Kafka is away a batch rolls back and
 * is retried with growing pauses; nothing is lost, at worst an event is sent again after a crash between the send
 * and the commit, which the idempotent consumers absorb.
 */
public final class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final DataSource dataSource;
    private final EventingProperties.Relay settings;
    private final OutboxBatch batch;
    private final OutboxHousekeeping housekeeping;
    private final Counter publishFailures;
    private final Timer batchTimer;
    private volatile boolean running;
    private Thread thread;

    public OutboxRelay(DataSource dataSource, KafkaTemplate<String, byte[]> kafka, EventingProperties.Relay settings,
                       Duration processedEventRetention, String source, MeterRegistry meters,
                       ObservationRegistry observations, Clock clock) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.batch = new OutboxBatch(kafka, settings.batchSize(), settings.sendTimeout(), source, observations, meters);
        this.housekeeping = new OutboxHousekeeping(settings, processedEventRetention, clock, meters);
        this.publishFailures = Counter.builder("teletherapy.outbox.publish.failures")
                .description("Outbox batches that could not be published (Kafka away or refusing)").register(meters);
        this.batchTimer = Timer.builder("teletherapy.outbox.batch").description("Claim, publish and mark one batch")
                .register(meters);
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
                    housekeeping.run(connection);
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
                claimed = batch.publish(connection);
            } catch (OutboxBatch.PublishFailedException e) {
                publishFailures.increment();
                log.warn("outbox batch not published, will retry: {}", e.getMessage());
                return false;
            }
            batchTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            if (claimed > 0) {
                housekeeping.published();
            }
        } while (claimed == settings.batchSize() && running);
        return true;
    }

    private void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
