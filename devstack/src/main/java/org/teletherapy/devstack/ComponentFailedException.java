package org.teletherapy.devstack;

/** A component did not come up; carries the end of its log so the person starting it sees why. */
public final class ComponentFailedException extends RuntimeException {

    private final String component;
    private final String logTail;

    public ComponentFailedException(String component, String reason, String logTail) {
        super(component + " " + reason);
        this.component = component;
        this.logTail = logTail;
    }

    public String component() {
        return component;
    }

    public String logTail() {
        return logTail;
    }
}
