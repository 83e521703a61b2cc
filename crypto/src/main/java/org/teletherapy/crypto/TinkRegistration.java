package org.teletherapy.crypto;

import com.google.crypto.tink.aead.AeadConfig;

import java.security.GeneralSecurityException;

/** Tink's AEAD key managers, registered once per JVM before the first keyset is made or read. */
final class TinkRegistration {

    static {
        try {
            AeadConfig.register();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private TinkRegistration() {
    }

    /** Touching this class runs the registration above exactly once. */
    static void ensureRegistered() {
        // the static initializer did the work
    }
}
