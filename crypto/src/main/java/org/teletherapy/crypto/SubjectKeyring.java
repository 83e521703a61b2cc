package org.teletherapy.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * Envelope encryption with one data key per subject (for example per client): each subject's Tink AES-256-GCM
 * keyset is stored wrapped under a {@link MasterKeyProvider master key} in a table of the service's own database.
 * Destroying that row's key (crypto-shredding) makes everything ever encrypted for the subject unreadable, wherever
 * copies of the ciphertext went (replicas, backups, exports), as long as the master key is not kept together with
 * an old copy of the wrapped key.
 *
 * <p>The table is this module's: its own migration ({@link CryptoDatabase}, {@code db/crypto/V1__keyring.sql})
 * creates it in the {@code crypto} schema under the name the service configures, one row per subject with the wrapped
 * keyset and the master key version it is wrapped under.
 * A destroyed key leaves its row behind (a tombstone) so that nothing new is encrypted for an erased subject.
 *
 * <p>Called inside the service's R2DBC transaction, every statement joins it: a data key created for a new record
 * commits or rolls back with it. Writers take no lock on the key's row: a write that raced a {@link #destroy} and
 * commits after it encrypted under the destroyed key, so what it wrote is as unreadable as everything else. (A share
 * lock would buy a stricter order at the price of a row lock, and often a multixact, on every write.)
 */
public final class SubjectKeyring {

    private static final Pattern TABLE_NAME = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");

    private final DatabaseClient database;
    private final String table;
    private final String name;
    private final MasterKeyProvider masterKeys;
    private final Map<UUID, UnwrappedKey> unwrapped;
    private final Timer encryptTimer;
    private final Timer decryptTimer;
    private final Timer unwrapTimer;
    private final Counter decryptFailures;
    private final Counter created;
    private final Counter destroyed;
    private final KeysetWrapping wrapping;
    private final KeyringRewrap rewrap;

    /** A data key as unwrapped from exactly these wrapped bytes; a rewrap or a destruction changes the bytes. */
    private record UnwrappedKey(byte[] wrapped, Aead aead) {
    }

    /** A row of the keyring table. */
    private record StoredKey(byte[] wrapped, String masterKeyVersion, boolean destroyed) {
    }

    /**
     * @param table     the keyring table (see the class comment), optionally schema-qualified; without its schema it
     *                  names the keyring in metrics (tag {@code keyring})
     * @param cacheSize how many unwrapped data keys are kept in memory; each is checked against its row on every use
     */
    public SubjectKeyring(DatabaseClient database, String table, MasterKeyProvider masterKeys, MeterRegistry meters,
                          int cacheSize) {
        TinkRegistration.ensureRegistered();
        if (!TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException("not a plain table name: " + table);
        }
        this.database = database;
        this.table = table;
        this.name = table.substring(table.indexOf('.') + 1);
        this.masterKeys = masterKeys;
        this.unwrapped = cache(cacheSize);
        this.encryptTimer = operationTimer(meters, "encrypt");
        this.decryptTimer = operationTimer(meters, "decrypt");
        this.unwrapTimer = operationTimer(meters, "unwrap");
        this.decryptFailures = counter(meters, "teletherapy.crypto.decrypt.failures", "Ciphertexts that failed authentication");
        this.created = counter(meters, "teletherapy.crypto.keysets.created", "Data keys created");
        this.destroyed = counter(meters, "teletherapy.crypto.keysets.destroyed", "Data keys destroyed (crypto-shredding)");
        this.wrapping = new KeysetWrapping(masterKeys);
        this.rewrap = new KeyringRewrap(database, table, name, masterKeys, wrapping, meters);
    }

    public String table() {
        return table;
    }

    public MasterKeyProvider masterKeys() {
        return masterKeys;
    }

    /**
     * The subject's data key for encrypting; created on first use.
     *
     * @return a key, or {@link SubjectErasedException} when the subject's key was destroyed
     */
    public Mono<SubjectKey> keyForWriting(UUID subject) {
        return load(subject)
                .switchIfEmpty(Mono.defer(() -> create(subject).then(load(subject))))
                .flatMap(stored -> use(subject, stored));
    }

    /**
     * The subject's data key for decrypting.
     *
     * @return a key; {@link SubjectErasedException} when it was destroyed; {@link KeyUnavailableException} when the
     *         subject never had one or it cannot be unwrapped
     */
    public Mono<SubjectKey> keyForReading(UUID subject) {
        return load(subject)
                .switchIfEmpty(Mono.error(() -> new KeyUnavailableException("the subject has no data key")))
                .flatMap(stored -> use(subject, stored));
    }

    /**
     * Destroys the subject's data key, or records that none may ever be made if there was none yet. Idempotent.
     *
     * @return true if a usable key was destroyed by this call
     */
    public Mono<Boolean> destroy(UUID subject) {
        Objects.requireNonNull(subject, "subject");
        return database.sql("select wrapped_keyset is not null as usable from " + table + " where subject_id = :subject for update")
                .bind("subject", subject)
                .map((row, metadata) -> Boolean.TRUE.equals(row.get("usable", Boolean.class)))
                .one()
                .defaultIfEmpty(false)
                .flatMap(hadKey -> database.sql("insert into " + table + " (subject_id, destroyed_at) values (:subject, now()) "
                                + "on conflict (subject_id) do update set wrapped_keyset = null, master_key_version = null, "
                                + "destroyed_at = coalesce(" + table + ".destroyed_at, excluded.destroyed_at)")
                        .bind("subject", subject)
                        .fetch().rowsUpdated()
                        .thenReturn(hadKey))
                .doOnNext(hadKey -> {
                    synchronized (unwrapped) {
                        unwrapped.remove(subject);
                    }
                    if (hadKey) {
                        destroyed.increment();
                    }
                });
    }

    public Mono<Boolean> isDestroyed(UUID subject) {
        return database.sql("select destroyed_at is not null as destroyed from " + table + " where subject_id = :subject")
                .bind("subject", subject)
                .map((row, metadata) -> Boolean.TRUE.equals(row.get("destroyed", Boolean.class)))
                .one()
                .defaultIfEmpty(false);
    }

    /** Counts the keyring's keys against the current master key version, and updates the gauges. */
    public Mono<KeyringStatus> status() {
        return rewrap.status();
    }

    /**
     * Rewraps up to {@code batchSize} data keys that are not under the current master key version, taking subjects
     * in id order after {@code after} (null: from the start). Each row is updated only if it still holds the bytes
     * that were read, so concurrent writers, destructions and other instances doing the same are never overwritten.
     *
     * @return the last subject id looked at (to continue after), or empty when there was nothing left
     */
    public Mono<RewrapBatch> rewrapBatch(UUID after, int batchSize) {
        return rewrap.rewrapBatch(after, batchSize);
    }

    /**
     * One step of a rewrap run.
     *
     * @param lastSubject where the next batch continues
     * @param examined    keys looked at
     * @param rewrapped   keys moved to the current version (the others changed meanwhile, or could not be unwrapped)
     */
    public record RewrapBatch(UUID lastSubject, int examined, int rewrapped) {
    }

    private Mono<StoredKey> load(UUID subject) {
        Objects.requireNonNull(subject, "subject");
        return database.sql("select wrapped_keyset, master_key_version, destroyed_at is not null as destroyed from "
                        + table + " where subject_id = :subject")
                .bind("subject", subject)
                .map((row, metadata) -> new StoredKey(row.get("wrapped_keyset", byte[].class),
                        row.get("master_key_version", String.class), Boolean.TRUE.equals(row.get("destroyed", Boolean.class))))
                .one();
    }

    private Mono<Void> create(UUID subject) {
        String version = masterKeys.currentVersion();
        return wrapping.masterKeyCall(() -> wrapping.wrapKeyset(subject,
                KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), version))
                .flatMap(wrapped -> database.sql("insert into " + table + " (subject_id, wrapped_keyset, master_key_version) "
                                + "values (:subject, :wrapped, :version) on conflict (subject_id) do nothing")
                        .bind("subject", subject)
                        .bind("wrapped", wrapped)
                        .bind("version", version)
                        .fetch().rowsUpdated())
                .doOnNext(rows -> {
                    if (rows == 1) {
                        created.increment();
                    }
                })
                .then();
    }

    private Mono<SubjectKey> use(UUID subject, StoredKey stored) {
        if (stored.destroyed() || stored.wrapped() == null) {
            return Mono.error(new SubjectErasedException());
        }
        UnwrappedKey cached;
        synchronized (unwrapped) {
            cached = unwrapped.get(subject);
        }
        if (cached != null && Arrays.equals(cached.wrapped(), stored.wrapped())) {
            return Mono.just(key(subject, cached.aead()));
        }
        return wrapping.masterKeyCall(() -> {
            long started = System.nanoTime();
            try {
                return wrapping.unwrapKeyset(subject, stored.wrapped(), stored.masterKeyVersion())
                        .getPrimitive(RegistryConfiguration.get(), Aead.class);
            } finally {
                unwrapTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
            }
        }).map(aead -> {
            synchronized (unwrapped) {
                unwrapped.put(subject, new UnwrappedKey(stored.wrapped(), aead));
            }
            return key(subject, aead);
        });
    }

    private SubjectKey key(UUID subject, Aead aead) {
        return new SubjectKey(subject, aead, encryptTimer, decryptTimer, decryptFailures);
    }

    private Timer operationTimer(MeterRegistry meters, String operation) {
        return Timer.builder("teletherapy.crypto.operations").tag("keyring", name).tag("operation", operation)
                .description("Time spent in encryption, decryption and key unwrapping (no I/O for local keys)")
                .register(meters);
    }

    private Counter counter(MeterRegistry meters, String meter, String description) {
        return Counter.builder(meter).tag("keyring", name).description(description).register(meters);
    }

    private static Map<UUID, UnwrappedKey> cache(int size) {
        return new LinkedHashMap<>(Math.min(size, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, UnwrappedKey> eldest) {
                return size() > size;
            }
        };
    }

    /** Never key material, never subjects. */
    @Override
    public String toString() {
        return "SubjectKeyring[" + table + ", " + masterKeys.describe() + "]";
    }
}
