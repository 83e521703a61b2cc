package org.teletherapy.exercises.vault;

/** A ciphertext did not authenticate (changed, moved to another row) or its key is unavailable. Names no client. */
public final class UnreadableContentException extends RuntimeException {

    public UnreadableContentException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
