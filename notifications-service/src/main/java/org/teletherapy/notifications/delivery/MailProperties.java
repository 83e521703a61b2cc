package org.teletherapy.notifications.delivery;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.ZoneId;
import java.util.Locale;

/**
 * What messages look like and where their links lead.
 *
 * @param from            the sender, also the calendar entries' organizer
 * @param webUrl          the platform as the browser sees it (the gateway): links and unsubscribe addresses
 * @param defaultLocale   for a recipient whose account has no {@code locale}
 * @param defaultTimeZone for a recipient whose account has no {@code zoneinfo}
 * @param onCallAddress   the deployment's clinical on-call address, which receives safety escalations
 */
@ConfigurationProperties("teletherapy.notifications.mail")
record MailProperties(@DefaultValue("Teletherapy <no-reply@teletherapy.example>") String from,
                      @DefaultValue("http://localhost:8080") String webUrl,
                      @DefaultValue("en") Locale defaultLocale,
                      @DefaultValue("Europe/Berlin") ZoneId defaultTimeZone,
                      @Nullable String onCallAddress) {
}
