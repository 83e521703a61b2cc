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
 * The vault on the platform's shared envelope encryption (the {@code crypto} module): one Tink AES-256-GCM data key
 * per client in {@code client_keyset}, wrapped under the master key. The associated data binds each ciphertext to
 * its purpose, its row and its client.
 */
@Component
class KeyringAnswerVault implements AnswerVault {

    private final SubjectKeyring keyring;

    KeyringAnswerVault(SubjectKeyring keyring) {
        this.keyring = keyring;
    }

    @Override
    public Mono<byte[]> seal(UUID clientId, String purpose, UUID recordId, byte[] plaintext) {
        return keyring.keyForWriting(clientId)
                .map(key -> key.encrypt(plaintext, AssociatedData.of(purpose, recordId, clientId)))
                .onErrorMap(SubjectErasedException.class, ClientErasedException::new);
    }

    @Override
    public Mono<byte[]> open(UUID clientId, String purpose, UUID recordId, byte[] ciphertext) {
        return keyring.keyForReading(clientId)
                .map(key -> key.decrypt(ciphertext, AssociatedData.of(purpose, recordId, clientId)))
                .onErrorMap(SubjectErasedException.class, ClientErasedException::new)
                .onErrorMap(DecryptionFailedException.class, UnreadableContentException::tampered)
                .onErrorMap(KeyUnavailableException.class, UnreadableContentException::keyUnavailable);
    }

    @Override
    public Mono<Void> forget(UUID clientId) {
        return keyring.destroy(clientId).then();
    }
}
