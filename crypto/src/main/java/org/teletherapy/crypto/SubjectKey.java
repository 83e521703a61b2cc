package org.teletherapy.crypto;

import com.google.crypto.tink.Aead;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;

import java.security.GeneralSecurityException;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One subject's data key, unwrapped and ready: AES-256-GCM through Tink. Encrypting and decrypting are CPU work of
 * microseconds, so they are plain methods; getting the key ({@link SubjectKeyring}) is the reactive part.
 */
public final class SubjectKey {

    private final UUID subject;
    private final Aead aead;
    private final Timer encryptTimer;
    private final Timer decryptTimer;
    private final Counter decryptFailures;

    SubjectKey(UUID subject, Aead aead, Timer encryptTimer, Timer decryptTimer, Counter decryptFailures) {
        this.subject = subject;
        this.aead = aead;
        this.encryptTimer = encryptTimer;
        this.decryptTimer = decryptTimer;
        this.decryptFailures = decryptFailures;
    }

    public UUID subject() {
        return subject;
    }

    /** Encrypts {@code plaintext} bound to {@code associatedData} (see {@link AssociatedData}). */
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        long started = System.nanoTime();
        try {
            return aead.encrypt(plaintext, associatedData);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        } finally {
            encryptTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Decrypts a ciphertext made by {@link #encrypt} with the same associated data.
     *
     * @throws DecryptionFailedException when a byte was changed, the associated data differs or the key is another
     */
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
        long started = System.nanoTime();
        try {
            return aead.decrypt(ciphertext, associatedData);
        } catch (GeneralSecurityException e) {
            decryptFailures.increment();
            throw new DecryptionFailedException(e);
        } finally {
            decryptTimer.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    /** Never the key. */
    @Override
    public String toString() {
        return "SubjectKey[AES256_GCM]";
    }
}
