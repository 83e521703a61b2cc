package org.teletherapy.deploy.kubernetes;

/** A rendered document that is not a valid object of its kind. */
final class ManifestRefusedException extends RuntimeException {

    ManifestRefusedException(String message) {
        super(message);
    }

    ManifestRefusedException(String message, Throwable cause) {
        super(message, cause);
    }
}
