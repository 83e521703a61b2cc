package org.teletherapy.crypto;

/**
 * A ciphertext did not authenticate: a byte of it was changed, it was moved to where other associated data applies
 * (another row, another version), or it was made with another key. Never garbage instead: AEAD checks before it
 * returns anything. The message names no subject and quotes no data.
 */
public final class DecryptionFailedException extends RuntimeException {

    public DecryptionFailedException(Throwable cause) {
        super("the ciphertext failed authentication (changed, moved, or not made with this key)", cause);
    }
}
