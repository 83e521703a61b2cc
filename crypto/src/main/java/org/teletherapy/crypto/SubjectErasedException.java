package org.teletherapy.crypto;

/**
 * The subject's data key was destroyed (crypto-shredding): whatever was encrypted for them can never be read again,
 * and nothing new may be encrypted for them. The message names no subject.
 */
public final class SubjectErasedException extends RuntimeException {

    public SubjectErasedException() {
        super("the subject's data key was destroyed");
    }
}
