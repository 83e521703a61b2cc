package org.teletherapy.crypto;

/**
 * A subject's data key exists but cannot be used: it is missing, its wrapped form was changed, or the master key
 * version it was wrapped under is unknown to the {@link MasterKeyProvider} (a wrong or lost key file, a KMS key
 * that was disabled). An operational problem, not the caller's; the message names no subject.
 */
public final class KeyUnavailableException extends RuntimeException {

    public KeyUnavailableException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public KeyUnavailableException(String reason) {
        super(reason);
    }
}
