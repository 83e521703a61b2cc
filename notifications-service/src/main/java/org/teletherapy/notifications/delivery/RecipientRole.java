package org.teletherapy.notifications.delivery;

/** Whom a message is for: a client or therapist (a Keycloak account), or the deployment's clinical on-call address. */
public enum RecipientRole {
    CLIENT("client"), THERAPIST("therapist"), ON_CALL("on-call");

    private final String wireName;

    RecipientRole(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    static RecipientRole of(String wireName) {
        return switch (wireName) {
            case "client" -> CLIENT;
            case "therapist" -> THERAPIST;
            case "on-call" -> ON_CALL;
            default -> throw new IllegalArgumentException("unknown recipient role " + wireName);
        };
    }
}
