package org.teletherapy.sessions.booking;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * What may become of a booked session: the practice's scheduling rules ({@code teletherapy.scheduling}) that booking
 * keeps. When a session can be booked at all is availability's {@code SlotRules}.
 *
 * @param lateCancellationWindow a cancellation closer than this to the start is flagged late
 * @param maxReschedules         how often one session may be moved
 * @param maxSeriesOccurrences   the most occurrences one recurring series may have
 */
@ConfigurationProperties("teletherapy.scheduling")
record BookingRules(@DefaultValue("24h") Duration lateCancellationWindow,
                    @DefaultValue("2") int maxReschedules,
                    @DefaultValue("26") int maxSeriesOccurrences) {
}
