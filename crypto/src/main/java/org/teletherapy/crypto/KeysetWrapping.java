package org.teletherapy.crypto;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;
import java.util.concurrent.Callable;

/** Data keys wrapped under, and unwrapped from, a version of the master key, each bound to its subject. */
final class KeysetWrapping {

    private final MasterKeyProvider masterKeys;

    KeysetWrapping(MasterKeyProvider masterKeys) {
        this.masterKeys = masterKeys;
    }

    /** The wrapped key is bound to its subject: a wrapped key copied to another subject's row does not unwrap. */
    byte[] wrapKeyset(UUID subject, KeysetHandle keyset, String version) throws GeneralSecurityException {
        return TinkProtoKeysetFormat.serializeEncryptedKeyset(keyset, masterKeys.aead(version), subjectBinding(subject));
    }

    KeysetHandle unwrapKeyset(UUID subject, byte[] wrapped, String version) {
        Aead master;
        try {
            master = masterKeys.aead(version);
        } catch (GeneralSecurityException e) {
            throw new KeyUnavailableException("the master key version of the data key is unavailable", e);
        }
        try {
            return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, master, subjectBinding(subject));
        } catch (GeneralSecurityException e) {
            throw new KeyUnavailableException("the wrapped data key failed authentication", e);
        }
    }

    private static byte[] subjectBinding(UUID subject) {
        return ("subject-keyset:" + subject).getBytes(StandardCharsets.UTF_8);
    }

    /** Local master keys are CPU work of microseconds; a KMS or Vault is a network call and must not block the event loop. */
    <T> Mono<T> masterKeyCall(Callable<T> call) {
        Mono<T> mono = Mono.fromCallable(call);
        return masterKeys.isRemote() ? mono.subscribeOn(Schedulers.boundedElastic()) : mono;
    }
}
