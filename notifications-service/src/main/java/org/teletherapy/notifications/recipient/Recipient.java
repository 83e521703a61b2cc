package org.teletherapy.notifications.recipient;

import java.time.ZoneId;
import java.util.Locale;
import java.util.UUID;

/** Who a message goes to, as Keycloak knows them at send time. Never stored, never logged. */
public record Recipient(UUID id, String email, String displayName, Locale locale, ZoneId timeZone) {

    @Override
    public String toString() {
        return "Recipient[" + id + "]";
    }
}
