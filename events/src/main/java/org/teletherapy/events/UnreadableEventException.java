package org.teletherapy.events;

/**
 * An event that can never be applied: its type is unknown or its data does not fit the type's record. Consumers send
 * it to the dead-letter topic with this message as the reason; retrying cannot help.
 *
 * <p>The message names the type, the property and the position, never the payload's content: it ends up in logs and
 * headers, and a payload may be about a client.
 */
public final class UnreadableEventException extends RuntimeException {

    private final String eventType;

    UnreadableEventException(String eventType, String reason) {
        super("Unreadable " + eventType + " event: " + reason);
        this.eventType = eventType;
    }

    public String eventType() {
        return eventType;
    }
}
