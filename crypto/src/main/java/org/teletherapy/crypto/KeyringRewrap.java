package org.teletherapy.crypto;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A keyring's standing against the current master key version, and moving its data keys there (rewrapping), with the
 * gauges operators watch during a rotation.
 */
final class KeyringRewrap {

    private final DatabaseClient database;
    private final String table;
    private final MasterKeyProvider masterKeys;
    private final KeysetWrapping wrapping;
    private final Counter rewrapped;
    private final AtomicReference<KeyringStatus> lastStatus = new AtomicReference<>();
    private final AtomicLong pendingGauge = new AtomicLong();

    /** @param name the keyring's name in metrics: its table without the schema */
    KeyringRewrap(DatabaseClient database, String table, String name, MasterKeyProvider masterKeys,
                  KeysetWrapping wrapping, MeterRegistry meters) {
        this.database = database;
        this.table = table;
        this.masterKeys = masterKeys;
        this.wrapping = wrapping;
        this.rewrapped = Counter.builder("teletherapy.crypto.keysets.rewrapped").tag("keyring", name)
                .description("Data keys rewrapped under a new master key").register(meters);
        Gauge.builder("teletherapy.crypto.keysets.pending.rewrap", pendingGauge, AtomicLong::get)
                .tag("keyring", name).description("Data keys still wrapped under an older master key version")
                .register(meters);
        Gauge.builder("teletherapy.crypto.rewrap.progress", lastStatus,
                        status -> status.get() == null ? 1.0 : status.get().rewrapProgress())
                .tag("keyring", name).description("Share of data keys under the current master key version (0..1)")
                .register(meters);
    }

    /** Counts the keyring's keys against the current master key version, and updates the gauges. */
    Mono<KeyringStatus> status() {
        return Mono.defer(() -> statusUnder(masterKeys.currentVersion()));
    }

    private Mono<KeyringStatus> statusUnder(String current) {
        return database.sql("select count(*) filter (where wrapped_keyset is not null) as active, "
                        + "count(*) filter (where wrapped_keyset is not null and master_key_version <> :current) as pending, "
                        + "count(*) filter (where destroyed_at is not null) as destroyed from " + table)
                .bind("current", current)
                .map((row, metadata) -> new KeyringStatus(current, number(row.get("active")), number(row.get("pending")),
                        number(row.get("destroyed"))))
                .one()
                .doOnNext(status -> {
                    lastStatus.set(status);
                    pendingGauge.set(status.pendingRewrap());
                });
    }

    /** See {@link SubjectKeyring#rewrapBatch}. */
    Mono<SubjectKeyring.RewrapBatch> rewrapBatch(UUID after, int batchSize) {
        return Mono.defer(() -> rewrapBatchUnder(masterKeys.currentVersion(), after, batchSize));
    }

    private Mono<SubjectKeyring.RewrapBatch> rewrapBatchUnder(String current, UUID after, int batchSize) {
        DatabaseClient.GenericExecuteSpec select = database.sql("select subject_id, wrapped_keyset, master_key_version from "
                        + table + " where wrapped_keyset is not null and master_key_version <> :current"
                        + (after == null ? "" : " and subject_id > :after") + " order by subject_id limit :limit")
                .bind("current", current)
                .bind("limit", batchSize);
        if (after != null) {
            select = select.bind("after", after);
        }
        return select
                .map((row, metadata) -> new RewrapCandidate(row.get("subject_id", UUID.class),
                        row.get("wrapped_keyset", byte[].class), row.get("master_key_version", String.class)))
                .all()
                .concatMap(candidate -> rewrapOne(candidate, current).map(done -> new RewrapResult(candidate.subject(), done)))
                .collectList()
                .flatMap(results -> results.isEmpty() ? Mono.empty() : Mono.just(new SubjectKeyring.RewrapBatch(
                        results.get(results.size() - 1).subject(), results.size(),
                        (int) results.stream().filter(RewrapResult::rewrapped).count())));
    }

    private record RewrapCandidate(UUID subject, byte[] wrapped, String masterKeyVersion) {
    }

    private record RewrapResult(UUID subject, boolean rewrapped) {
    }

    private Mono<Boolean> rewrapOne(RewrapCandidate candidate, String current) {
        UUID subject = candidate.subject();
        byte[] wrapped = candidate.wrapped();
        return wrapping.masterKeyCall(() -> wrapping.wrapKeyset(subject, wrapping.unwrapKeyset(subject, wrapped, candidate.masterKeyVersion()), current))
                .flatMap(rewrappedBytes -> database.sql("update " + table + " set wrapped_keyset = :rewrapped, "
                                + "master_key_version = :current, rewrapped_at = now() "
                                + "where subject_id = :subject and wrapped_keyset = :wrapped")
                        .bind("rewrapped", rewrappedBytes)
                        .bind("current", current)
                        .bind("subject", subject)
                        .bind("wrapped", wrapped)
                        .fetch().rowsUpdated())
                .map(rows -> rows == 1)
                .doOnNext(done -> {
                    if (done) {
                        rewrapped.increment();
                    }
                })
                // A key that cannot be unwrapped stays where it is; reads of it report the problem.
                .onErrorResume(KeyUnavailableException.class, e -> Mono.just(false));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
