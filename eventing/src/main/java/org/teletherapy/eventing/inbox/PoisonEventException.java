package org.teletherapy.eventing.inbox;

/** An event that can never be applied (missing headers, unknown type): it goes to the dead-letter topic at once. */
public final class PoisonEventException extends RuntimeException {

    public PoisonEventException(String reason) {
        super(reason);
    }
}
