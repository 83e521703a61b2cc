package org.teletherapy.eventing.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.teletherapy.eventing.EventingProperties;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The relay's chores between batches: the outbox gauges (backlog, oldest unsent row) and, once per cleanup
 * interval, the retention of both eventing tables (sent outbox rows, applied event ids).
 */
final class OutboxHousekeeping {

    /** Logged as the relay's, whose chores these are. */
    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

    private final EventingProperties.Relay settings;
    private final Duration processedEventRetention;
    private final Clock clock;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private Instant lastCleanup = Instant.EPOCH;
    private Instant lastGaugeUpdate = Instant.EPOCH;
    private boolean publishedSinceGaugeUpdate;

    OutboxHousekeeping(EventingProperties.Relay settings, Duration processedEventRetention, Clock clock,
                       MeterRegistry meters) {
        this.settings = settings;
        this.processedEventRetention = processedEventRetention;
        this.clock = clock;
        Gauge.builder("teletherapy.outbox.backlog", backlog, AtomicLong::get).description("Unsent outbox rows")
                .register(meters);
        Gauge.builder("teletherapy.outbox.oldest.age", oldestAgeSeconds, AtomicLong::get).baseUnit("seconds")
                .description("Age of the oldest unsent outbox row").register(meters);
    }

    /** Rows were published: the gauges are worth refreshing soon. */
    void published() {
        publishedSinceGaugeUpdate = true;
    }

    /**
     * Gauges and, once per cleanup interval, old rows of both eventing tables. When idle this adds one small
     * query every 15 s to the claim transaction of each poll.
     */
    void run(Connection connection) throws SQLException {
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
}
