package org.teletherapy.notifications.preference;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param secret signs the unsubscribe links in messages; at least 32 characters, from the environment, never in git */
@ConfigurationProperties("teletherapy.notifications.unsubscribe")
record UnsubscribeProperties(String secret) {

    UnsubscribeProperties {
        if (secret == null || secret.length() < 32) {
            throw new IllegalArgumentException(
                    "teletherapy.notifications.unsubscribe.secret (TELETHERAPY_NOTIFICATIONS_UNSUBSCRIBE_SECRET) must have at least 32 characters");
        }
    }
}
