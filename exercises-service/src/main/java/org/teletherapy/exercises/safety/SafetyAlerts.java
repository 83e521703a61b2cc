package org.teletherapy.exercises.safety;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.r2dbc.spi.Readable;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.teletherapy.eventing.outbox.OutboxWriter;
import org.teletherapy.events.exercises.Instrument;
import org.teletherapy.events.exercises.MeasureSafetyAlert;
import org.teletherapy.events.exercises.MeasureSafetyAlertAcknowledged;
import org.teletherapy.exercises.scoring.Instruments;
import org.teletherapy.exercises.roster.Roster;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Responses that need a therapist's follow-up whatever their score. An alert is raised in the transaction that stores
 * the response, announced to the client's therapists at once (measure.safety-alert through the outbox), and stays
 * open until a therapist acknowledges it.
 */
@Service
public class SafetyAlerts {

    private static final Logger log = LoggerFactory.getLogger(SafetyAlerts.class);

    /** A therapist sees the alerts of the clients on their roster now, which roster answers. */
    private static final String SELECT = "select s.* from safety_alert s where s.client_id = any(:clients)";

    private final DatabaseClient database;
    private final OutboxWriter outbox;
    private final Roster roster;
    private final MeterRegistry meters;
    private final TransactionalOperator transaction;
    private final Timer timeToAcknowledge;

    SafetyAlerts(DatabaseClient database, OutboxWriter outbox, Roster roster, MeterRegistry meters,
                 TransactionalOperator transaction) {
        this.database = database;
        this.transaction = transaction;
        this.outbox = outbox;
        this.roster = roster;
        this.meters = meters;
        this.timeToAcknowledge = Timer.builder("teletherapy.safety.acknowledge.time")
                .description("From the client handing in a response that needs follow-up to a therapist acknowledging it")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMinutes(1))
                .maximumExpectedValue(Duration.ofDays(7))
                .register(meters);
    }

    /**
     * Raises the alert of a response, inside the caller's transaction. The response id is unique among alerts, so a
     * retried or duplicated submission never raises a second one; every new response raises its own, however many
     * alerts of the client are open.
     *
     * @param assigningTherapistId told when the client has no therapist on the roster any more, so that an alert
     *                             always reaches someone
     * @return the alert's id; empty if this response already had one
     */
    public Mono<UUID> raise(UUID responseId, UUID assignmentId, UUID clientId, UUID assigningTherapistId,
                            Instrument instrument, Instant submittedAt) {
        UUID alertId = UUID.randomUUID();
        return database.sql("""
                        insert into safety_alert (id, response_id, assignment_id, client_id, instrument, raised_at)
                        values (:id, :response, :assignment, :client, :instrument, :raisedAt)
                        on conflict (response_id) do nothing""")
                .bind("id", alertId)
                .bind("response", responseId)
                .bind("assignment", assignmentId)
                .bind("client", clientId)
                .bind("instrument", Instruments.name(instrument))
                .bind("raisedAt", submittedAt)
                .fetch().rowsUpdated()
                .filter(rows -> rows == 1)
                .flatMap(inserted -> roster.therapistsOf(clientId).collectList()
                        .map(therapists -> therapists.isEmpty() ? List.of(assigningTherapistId) : therapists)
                        .flatMapMany(Flux::fromIterable)
                        .concatMap(therapist -> outbox.append(new MeasureSafetyAlert(alertId, responseId, clientId,
                                therapist, instrument, submittedAt), alertId.toString()))
                        .then(Mono.just(alertId)));
    }

    /** Counts and logs a committed alert, by ids only. */
    public void raised(UUID alertId, UUID responseId, Instrument instrument) {
        log.warn("safety alert {} raised for response {}", alertId, responseId);
        Counter.builder("teletherapy.safety.alerts.raised")
                .description("Safety alerts raised")
                .tag("instrument", Instruments.name(instrument))
                .register(meters)
                .increment();
    }

    Flux<SafetyAlertView> forTherapist(UUID therapistId, @Nullable Boolean open, @Nullable UUID clientId) {
        return roster.clientsOf(therapistId).flatMapMany(clients -> {
            DatabaseClient.GenericExecuteSpec select = database.sql(SELECT
                            + (open == null ? "" : open ? " and s.acknowledged_at is null" : " and s.acknowledged_at is not null")
                            + (clientId == null ? "" : " and s.client_id = :client")
                            // Open alerts first, the longest waiting on top; then the acknowledged ones, newest first.
                            + " order by s.acknowledged_at is not null,"
                            + " case when s.acknowledged_at is null then s.raised_at end, s.raised_at desc")
                    .bind("clients", clients.toArray(UUID[]::new));
            if (clientId != null) {
                select = select.bind("client", clientId);
            }
            return select.map(SafetyAlerts::view).all();
        });
    }

    Mono<SafetyAlertView> forTherapist(UUID therapistId, UUID alertId) {
        return roster.clientsOf(therapistId).flatMap(clients -> database.sql(SELECT + " and s.id = :id")
                .bind("clients", clients.toArray(UUID[]::new))
                .bind("id", alertId)
                .map(SafetyAlerts::view)
                .one());
    }

    /**
     * Records who acknowledged the alert and when, and announces the first acknowledgement
     * (measure.safety-alert-acknowledged, so that notifications-service does not escalate it). The first
     * acknowledgement stands; acknowledging again changes nothing. Empty if the alert is not one of the therapist's
     * clients'.
     */
    Mono<SafetyAlertView> acknowledge(UUID therapistId, UUID alertId, Instant now) {
        return roster.clientsOf(therapistId).flatMap(clients -> transaction.transactional(database.sql("""
                                update safety_alert s set acknowledged_at = :now, acknowledged_by = :therapist
                                 where s.id = :id and s.acknowledged_at is null and s.client_id = any(:clients)
                                returning s.raised_at, s.client_id""")
                        .bind("now", now)
                        .bind("therapist", therapistId)
                        .bind("id", alertId)
                        .bind("clients", clients.toArray(UUID[]::new))
                        .map(row -> new Acknowledged(row.get("raised_at", Instant.class), row.get("client_id", UUID.class)))
                        .one()
                        .flatMap(acknowledged -> outbox.append(new MeasureSafetyAlertAcknowledged(alertId,
                                        acknowledged.clientId(), therapistId, now), alertId.toString())
                                .thenReturn(acknowledged.raisedAt()))))
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(raisedAt -> forTherapist(therapistId, alertId)
                        .doOnNext(alert -> raisedAt.ifPresent(raised -> {
                            timeToAcknowledge.record(Duration.between(raised, now));
                            log.info("safety alert {} acknowledged", alertId);
                        })));
    }

    private record Acknowledged(Instant raisedAt, UUID clientId) {
    }

    /**
     * Alerts over the whole service, for the operators' figures: counts and times, never a person.
     *
     * @param oldestOpenSeconds how long the longest-waiting open alert has waited
     */
    public record AlertFigures(long open, long acknowledged, long oldestOpenSeconds, Double medianSecondsToAcknowledge,
                               Double p90SecondsToAcknowledge) {
    }

    public Mono<AlertFigures> figures() {
        return database.sql("""
                        select count(*) filter (where acknowledged_at is null) as open,
                               count(*) filter (where acknowledged_at is not null) as acknowledged,
                               coalesce(extract(epoch from now() - min(raised_at) filter (where acknowledged_at is null)), 0)::bigint
                                   as oldest_open_seconds,
                               percentile_cont(0.5) within group (order by extract(epoch from acknowledged_at - raised_at))
                                   as median_seconds,
                               percentile_cont(0.9) within group (order by extract(epoch from acknowledged_at - raised_at))
                                   as p90_seconds
                          from safety_alert""")
                .map(row -> new AlertFigures(row.get("open", Long.class), row.get("acknowledged", Long.class),
                        row.get("oldest_open_seconds", Long.class), row.get("median_seconds", Double.class),
                        row.get("p90_seconds", Double.class)))
                .one();
    }

    /** The client was erased: their alerts go with their answers. */
    public Mono<Void> forget(UUID clientId) {
        return database.sql("delete from safety_alert where client_id = :client").bind("client", clientId).then();
    }

    private static SafetyAlertView view(Readable row) {
        Instant acknowledgedAt = row.get("acknowledged_at", Instant.class);
        return new SafetyAlertView(row.get("id", UUID.class), row.get("response_id", UUID.class),
                row.get("assignment_id", UUID.class), row.get("client_id", UUID.class),
                row.get("instrument", String.class), acknowledgedAt == null ? "open" : "acknowledged",
                row.get("raised_at", Instant.class), acknowledgedAt, row.get("acknowledged_by", UUID.class));
    }
}
