package org.teletherapy.exercises.vault;

import org.springframework.stereotype.Component;
import org.teletherapy.crypto.AssociatedData;
import org.teletherapy.crypto.DecryptionFailedException;
import org.teletherapy.crypto.KeyUnavailableException;
import org.teletherapy.crypto.SubjectErasedException;
import org.teletherapy.crypto.SubjectKeyring;
import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * Encryption at rest of what is written by or about a client (answers, drafts, assignment instructions, review
 * comments), under a key of that client alone, on the platform's shared envelope encryption (the {@code crypto}
 * module): one Tink AES-256-GCM data key per client in {@code client_keyset}, wrapped under the master key. Every
 * ciphertext is bound to its purpose, the record it belongs to and its client, so it cannot be copied into another
 * row and read there. Destroying the client's key ({@link #forget}) makes all of it unreadable for good, backups
 * included.
 *
 * <p>Calls join the caller's R2DBC transaction.
 */
@Component
public class AnswerVault {

    private final SubjectKeyring keyring;

    AnswerVault(SubjectKeyring keyring) {
        this.keyring = keyring;
    }

    /**
     * @param purpose  what the bytes are, e.g. {@code submission-answers/v1}
     * @param recordId the row they are stored in
     * @return the ciphertext; fails with {@link ClientErasedException} if the client was erased
     */
    public Mono<byte[]> seal(UUID clientId, String purpose, UUID recordId, byte[] plaintext) {
        return keyring.keyForWriting(clientId)
                .map(key -> key.encrypt(plaintext, AssociatedData.of(purpose, recordId, clientId)))
                .onErrorMap(SubjectErasedException.class, ClientErasedException::new);
    }

    /**
     * @return the plaintext; fails with {@link ClientErasedException} if the client was erased, or
     *         {@link UnreadableContentException} if the ciphertext does not authenticate for this record
     */
    public Mono<byte[]> open(UUID clientId, String purpose, UUID recordId, byte[] ciphertext) {
        return keyring.keyForReading(clientId)
                .map(key -> key.decrypt(ciphertext, AssociatedData.of(purpose, recordId, clientId)))
                .onErrorMap(SubjectErasedException.class, ClientErasedException::new)
                .onErrorMap(DecryptionFailedException.class, UnreadableContentException::tampered)
                .onErrorMap(KeyUnavailableException.class, UnreadableContentException::keyUnavailable);
    }

    /** Destroys the client's key: everything sealed for them becomes unreadable, nothing new can be sealed. */
    public Mono<Void> forget(UUID clientId) {
        return keyring.destroy(clientId).then();
    }
}
