package org.teletherapy.exercises.vault;

import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * Encryption at rest of what is written by or about a client (answers, drafts, assignment instructions, review
 * comments), under a key of that client alone. Every ciphertext is bound to its purpose and the record it belongs
 * to, so it cannot be copied into another row and read there. Destroying the client's key ({@link #forget}) makes
 * all of it unreadable for good, backups included.
 *
 * <p>Calls join the caller's R2DBC transaction.
 */
public interface AnswerVault {

    /**
     * @param purpose  what the bytes are, e.g. {@code submission-answers/v1}
     * @param recordId the row they are stored in
     * @return the ciphertext; fails with {@link ClientErasedException} if the client was erased
     */
    Mono<byte[]> seal(UUID clientId, String purpose, UUID recordId, byte[] plaintext);

    /**
     * @return the plaintext; fails with {@link ClientErasedException} if the client was erased, or
     *         {@link UnreadableContentException} if the ciphertext does not authenticate for this record
     */
    Mono<byte[]> open(UUID clientId, String purpose, UUID recordId, byte[] ciphertext);

    /** Destroys the client's key: everything sealed for them becomes unreadable, nothing new can be sealed. */
    Mono<Void> forget(UUID clientId);
}
