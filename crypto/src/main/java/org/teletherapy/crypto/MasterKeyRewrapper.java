package org.teletherapy.crypto;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.UUID;

/**
 * Moves data keys to the current master key version in the background, in small batches, while reads and writes go
 * on: a rewrap changes only the wrapped form of a data key, never the data encrypted under it, so old ciphertext
 * stays readable throughout. Runs at start, every {@code interval}, and at once when {@link #trigger()}ed (after a
 * rotation). Progress is the {@code teletherapy.crypto.rewrap.progress} gauge.
 */
public final class MasterKeyRewrapper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MasterKeyRewrapper.class);

    private final SubjectKeyring keyring;
    private final Duration interval;
    private final int batchSize;
    private final Sinks.Many<Boolean> wakeUps = Sinks.many().multicast().directBestEffort();
    private volatile Disposable running;

    public MasterKeyRewrapper(SubjectKeyring keyring, Duration interval, int batchSize) {
        this.keyring = keyring;
        this.interval = interval;
        this.batchSize = batchSize;
    }

    /** Starts a run now (unless one is under way, which then covers it). */
    public void trigger() {
        wakeUps.tryEmitNext(Boolean.TRUE);
    }

    /** One complete pass over the keyring; the status afterwards. */
    public Mono<KeyringStatus> runOnce() {
        return rewrapFrom(null, 0)
                .flatMap(rewrapped -> keyring.status().doOnNext(status -> {
                    if (rewrapped > 0) {
                        log.info("rewrapped {} data keys of {} under master key version {}; {} still pending",
                                rewrapped, keyring.table(), status.masterKeyVersion(), status.pendingRewrap());
                    }
                }));
    }

    private Mono<Integer> rewrapFrom(UUID after, int rewrappedSoFar) {
        return keyring.rewrapBatch(after, batchSize)
                .flatMap(batch -> batch.examined() < batchSize
                        ? Mono.just(rewrappedSoFar + batch.rewrapped())
                        : rewrapFrom(batch.lastSubject(), rewrappedSoFar + batch.rewrapped()))
                .defaultIfEmpty(rewrappedSoFar);
    }

    @Override
    public synchronized void start() {
        if (running != null) {
            return;
        }
        running = Flux.merge(Flux.interval(Duration.ZERO, interval).map(tick -> Boolean.TRUE), wakeUps.asFlux())
                .onBackpressureDrop()
                .concatMap(wake -> runOnce()
                        .onErrorResume(e -> {
                            log.warn("rewrapping {} failed ({}); retrying at the next run", keyring.table(),
                                    e.getClass().getSimpleName());
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    @Override
    public synchronized void stop() {
        if (running != null) {
            running.dispose();
            running = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running != null;
    }
}
