package org.teletherapy.eventing.status;

import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import java.time.Duration;
import java.util.Map;

/**
 * The figures of a service's event pipeline for operators: outbox backlog and age from the service's database,
 * consumer lag and dead letters from the broker. Asked on demand (the outbox gauges of the relay are refreshed only
 * every few seconds). Each half that cannot be had in time is reported unknown; this never fails its caller.
 */
public final class PipelineFigures implements DisposableBean {

    /** The figures' group name in a service's ops status. */
    public static final String NAME = "pipeline";

    private static final Logger log = LoggerFactory.getLogger(PipelineFigures.class);

    private final DatabaseClient database;
    private final Admin admin;
    private final ConsumerOffsets offsets;
    private final Duration timeout;

    PipelineFigures(DatabaseClient database, Admin admin, ConsumerOffsets offsets, Duration timeout) {
        this.database = database;
        this.admin = admin;
        this.offsets = offsets;
        this.timeout = timeout;
    }

    public String name() {
        return NAME;
    }

    public Mono<Pipeline> pipeline() {
        return Mono.zip(outbox(), kafka()).map(parts -> new Pipeline(parts.getT1().backlog(), parts.getT1().oldestAgeSeconds(),
                parts.getT2().consumerLag(), parts.getT2().deadLetters()));
    }

    /** The known figures by name (see {@link Pipeline#figures()}). */
    public Mono<Map<String, Long>> figures() {
        return pipeline().map(Pipeline::figures);
    }

    private Mono<Outbox> outbox() {
        return database.sql("""
                        select count(*) as backlog,
                               coalesce(extract(epoch from now() - min(occurred_at)), 0)::bigint as oldest_age_seconds
                          from eventing.outbox_event where sent_at is null""")
                .map(row -> new Outbox(row.get("backlog", Long.class), row.get("oldest_age_seconds", Long.class)))
                .one()
                .timeout(timeout)
                .onErrorResume(e -> unknown("outbox", e, Outbox.UNKNOWN));
    }

    private Mono<ConsumerOffsets.Figures> kafka() {
        return Mono.defer(offsets::figures)
                .timeout(timeout)
                .onErrorResume(e -> unknown("consumer offsets", e, ConsumerOffsets.Figures.UNKNOWN));
    }

    private static <T> Mono<T> unknown(String what, Throwable error, T unknown) {
        // The class only: a driver's message may quote data.
        log.warn("pipeline figures: {} not available ({})", what, error.getClass().getSimpleName());
        return Mono.just(unknown);
    }

    @Override
    public void destroy() {
        admin.close(Duration.ofSeconds(2));
    }

    private record Outbox(Long backlog, Long oldestAgeSeconds) {
        static final Outbox UNKNOWN = new Outbox(null, null);
    }
}
