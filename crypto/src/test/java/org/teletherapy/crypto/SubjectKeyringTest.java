package org.teletherapy.crypto;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.teletherapy.testsupport.Infrastructure;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The keyring against a real PostgreSQL, as a service uses it. */
class SubjectKeyringTest {

    /** The keyring's name (in metrics), and its table in the crypto schema. */
    private static final String KEYRING = "subject_keyset";
    private static final String TABLE = "crypto." + KEYRING;
    private static DatabaseClient database;

    @TempDir
    Path keys;

    LocalKeysetMasterKeyProvider masterKeys;
    SubjectKeyring keyring;
    SimpleMeterRegistry meters;

    @BeforeAll
    static void database() {
        Infrastructure.DatabaseEndpoint endpoint = Infrastructure.shared().database("crypto");
        ConnectionFactory connections = ConnectionFactories.get(ConnectionFactoryOptions.parse(endpoint.r2dbcUrl()).mutate()
                .option(ConnectionFactoryOptions.USER, endpoint.username())
                .option(ConnectionFactoryOptions.PASSWORD, endpoint.password())
                .build());
        database = DatabaseClient.create(connections);
        // The table as a service gets it: this module's own migration, in its own schema.
        new CryptoDatabase(endpoint.jdbcUrl(), endpoint.username(), endpoint.password()).migrate(KEYRING);
    }

    @BeforeEach
    void freshKeyring() {
        database.sql("delete from " + TABLE).then().block();
        masterKeys = LocalKeysetMasterKeyProvider.loadOrCreate(keys.resolve("master.json"));
        meters = new SimpleMeterRegistry();
        keyring = new SubjectKeyring(database, TABLE, masterKeys, meters, 100);
    }

    @Test
    void whatIsEncryptedForASubjectDecryptsWithTheSameContextAndHoldsNoPlaintext() {
        UUID subject = UUID.randomUUID();
        byte[] ad = AssociatedData.of("test", "row-1", 1);

        byte[] ciphertext = keyring.keyForWriting(subject).block().encrypt(bytes("sleeps badly since May"), ad);

        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain("sleeps");
        assertThat(keyring.keyForReading(subject).block().decrypt(ciphertext, ad)).isEqualTo(bytes("sleeps badly since May"));
        byte[] wrapped = database.sql("select wrapped_keyset from crypto.subject_keyset where subject_id = :s").bind("s", subject)
                .map((row, metadata) -> row.get("wrapped_keyset", byte[].class)).one().block();
        assertThat(wrapped).isNotEmpty();
    }

    @Test
    void aChangedCiphertextByteFailsInsteadOfReturningGarbage() {
        UUID subject = UUID.randomUUID();
        byte[] ad = AssociatedData.of("test", "row-1");
        byte[] ciphertext = keyring.keyForWriting(subject).block().encrypt(bytes("text"), ad);

        for (int position : List.of(0, 7, ciphertext.length / 2, ciphertext.length - 1)) {
            byte[] tampered = ciphertext.clone();
            tampered[position] ^= 0x01;
            assertThatThrownBy(() -> keyring.keyForReading(subject).block().decrypt(tampered, ad))
                    .isInstanceOf(DecryptionFailedException.class);
        }
        assertThat(meters.counter("teletherapy.crypto.decrypt.failures", "keyring", KEYRING).count()).isEqualTo(4);
    }

    @Test
    void aCiphertextMovedToAnotherContextFails() {
        UUID subject = UUID.randomUUID();
        SubjectKey key = keyring.keyForWriting(subject).block();
        byte[] ciphertext = key.encrypt(bytes("text"), AssociatedData.of("test", "row-1", 2));

        assertThatThrownBy(() -> key.decrypt(ciphertext, AssociatedData.of("test", "row-2", 2)))
                .isInstanceOf(DecryptionFailedException.class);
        assertThatThrownBy(() -> key.decrypt(ciphertext, AssociatedData.of("test", "row-1", 1)))
                .isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void anotherSubjectsKeyCannotDecrypt() {
        byte[] ad = AssociatedData.of("test");
        byte[] ciphertext = keyring.keyForWriting(UUID.randomUUID()).block().encrypt(bytes("text"), ad);

        SubjectKey other = keyring.keyForWriting(UUID.randomUUID()).block();

        assertThatThrownBy(() -> other.decrypt(ciphertext, ad)).isInstanceOf(DecryptionFailedException.class);
    }

    @Test
    void destroyingASubjectsKeyMakesTheirDataUnreadableAndRefusesNewData() {
        UUID subject = UUID.randomUUID();
        byte[] ad = AssociatedData.of("test");
        byte[] ciphertext = keyring.keyForWriting(subject).block().encrypt(bytes("text"), ad);

        assertThat(keyring.destroy(subject).block()).isTrue();

        assertThatThrownBy(() -> keyring.keyForReading(subject).block()).isInstanceOf(SubjectErasedException.class);
        assertThatThrownBy(() -> keyring.keyForWriting(subject).block()).isInstanceOf(SubjectErasedException.class);
        assertThat(keyring.isDestroyed(subject).block()).isTrue();
        assertThat(keyring.destroy(subject).block()).as("idempotent").isFalse();
        Long keyMaterialLeft = database.sql("select count(*) from crypto.subject_keyset where subject_id = :s and wrapped_keyset is not null")
                .bind("s", subject).map((row, metadata) -> row.get(0, Long.class)).one().block();
        assertThat(keyMaterialLeft).isZero();
        assertThat(ciphertext).isNotEmpty();
    }

    @Test
    void aSubjectErasedBeforeTheyHadAKeyNeverGetsOne() {
        UUID subject = UUID.randomUUID();

        assertThat(keyring.destroy(subject).block()).isFalse();

        assertThatThrownBy(() -> keyring.keyForWriting(subject).block()).isInstanceOf(SubjectErasedException.class);
    }

    @Test
    void aSubjectWithoutKeyHasNothingToRead() {
        assertThatThrownBy(() -> keyring.keyForReading(UUID.randomUUID()).block()).isInstanceOf(KeyUnavailableException.class);
    }

    @Test
    void aWrappedKeyCopiedToAnotherSubjectDoesNotUnwrap() {
        UUID victim = UUID.randomUUID();
        UUID attacker = UUID.randomUUID();
        keyring.keyForWriting(victim).block();
        keyring.keyForWriting(attacker).block();

        database.sql("update crypto.subject_keyset set wrapped_keyset = (select wrapped_keyset from crypto.subject_keyset where subject_id = :v) "
                + "where subject_id = :a").bind("v", victim).bind("a", attacker).then().block();
        SubjectKeyring fresh = new SubjectKeyring(database, TABLE, masterKeys, meters, 100);

        assertThatThrownBy(() -> fresh.keyForReading(attacker).block()).isInstanceOf(KeyUnavailableException.class);
    }

    @Test
    void anotherMasterKeyCannotUnwrapTheDataKeys() {
        UUID subject = UUID.randomUUID();
        keyring.keyForWriting(subject).block();
        LocalKeysetMasterKeyProvider stranger = LocalKeysetMasterKeyProvider.loadOrCreate(keys.resolve("other.json"));
        MasterKeyProvider wrongKeyUnderTheRightName = new MasterKeyProvider() {
            @Override
            public String currentVersion() {
                return masterKeys.currentVersion();
            }

            @Override
            public com.google.crypto.tink.Aead aead(String version) throws java.security.GeneralSecurityException {
                return stranger.aead(stranger.currentVersion());
            }

            @Override
            public String describe() {
                return "wrong";
            }
        };

        SubjectKeyring misconfigured = new SubjectKeyring(database, TABLE, wrongKeyUnderTheRightName, meters, 100);

        assertThatThrownBy(() -> misconfigured.keyForReading(subject).block()).isInstanceOf(KeyUnavailableException.class);
    }

    @Test
    void concurrentFirstWritesForASubjectAgreeOnOneKey() {
        UUID subject = UUID.randomUUID();
        TransactionalOperator transaction = TransactionalOperator.create(new R2dbcTransactionManager(
                database.getConnectionFactory()));
        byte[] ad = AssociatedData.of("test");

        List<byte[]> ciphertexts = Flux.range(0, 8)
                .flatMap(i -> transaction.transactional(keyring.keyForWriting(subject)
                        .map(key -> key.encrypt(bytes("text " + i), ad))), 8)
                .collectList().block();

        SubjectKey key = keyring.keyForReading(subject).block();
        assertThat(ciphertexts).hasSize(8).allSatisfy(ciphertext -> assertThat(key.decrypt(ciphertext, ad)).isNotEmpty());
        assertThat(meters.counter("teletherapy.crypto.keysets.created", "keyring", KEYRING).count()).isEqualTo(1);
    }

    @Test
    void rotationRewrapsEveryDataKeyAndOldCiphertextStaysReadable() {
        byte[] ad = AssociatedData.of("test");
        List<UUID> subjects = Flux.range(0, 25).map(i -> UUID.randomUUID()).collectList().block();
        List<byte[]> ciphertexts = Flux.fromIterable(subjects)
                .concatMap(subject -> keyring.keyForWriting(subject).map(key -> key.encrypt(bytes("text of " + subject), ad)))
                .collectList().block();
        UUID erased = subjects.get(3);
        keyring.destroy(erased).block();
        String before = masterKeys.currentVersion();

        String after = masterKeys.rotate();
        assertThat(keyring.status().block()).isEqualTo(new KeyringStatus(after, 24, 24, 1));
        assertThat(meters.get("teletherapy.crypto.rewrap.progress").gauge().value()).isZero();

        KeyringStatus done = new MasterKeyRewrapper(keyring, Duration.ofHours(1), 10).runOnce().block();

        assertThat(done).isEqualTo(new KeyringStatus(after, 24, 0, 1));
        assertThat(meters.get("teletherapy.crypto.rewrap.progress").gauge().value()).isEqualTo(1.0);
        assertThat(meters.get("teletherapy.crypto.keysets.pending.rewrap").gauge().value()).isZero();
        List<String> versions = database.sql("select distinct master_key_version from crypto.subject_keyset where wrapped_keyset is not null")
                .map((row, metadata) -> row.get(0, String.class)).all().collectList().block();
        assertThat(versions).containsExactly(after).doesNotContain(before);
        SubjectKeyring afterRestart = new SubjectKeyring(database, TABLE, masterKeys, meters, 100);
        for (int i = 0; i < subjects.size(); i++) {
            UUID subject = subjects.get(i);
            if (subject.equals(erased)) {
                continue;
            }
            assertThat(afterRestart.keyForReading(subject).block().decrypt(ciphertexts.get(i), ad))
                    .isEqualTo(bytes("text of " + subject));
        }
    }

    @Test
    void aDestroyedKeyStaysDestroyedThroughARotation() {
        UUID subject = UUID.randomUUID();
        keyring.keyForWriting(subject).block();
        masterKeys.rotate();
        keyring.destroy(subject).block();

        new MasterKeyRewrapper(keyring, Duration.ofHours(1), 10).runOnce().block();

        assertThat(keyring.isDestroyed(subject).block()).isTrue();
        assertThatThrownBy(() -> keyring.keyForReading(subject).block()).isInstanceOf(SubjectErasedException.class);
    }

    @Test
    void aStatusAskedForBeforeARotationCountsAgainstTheVersionCurrentWhenItRuns() {
        keyring.keyForWriting(UUID.randomUUID()).block();
        Mono<KeyringStatus> status = keyring.status();

        String rotated = masterKeys.rotate();

        assertThat(status.block()).isEqualTo(new KeyringStatus(rotated, 1, 1, 0));
    }

    @Test
    void onlyPlainTableNamesAreAccepted() {
        assertThatThrownBy(() -> new SubjectKeyring(database, "keys; drop table x", masterKeys, meters, 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
