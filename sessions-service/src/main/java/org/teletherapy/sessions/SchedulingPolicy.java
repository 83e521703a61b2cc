package org.teletherapy.sessions;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The practice's scheduling rules.
 *
 * @param minimumNotice           how long before its start a slot can still be booked
 * @param maxSlotRange            the longest range one slot query may ask for
 * @param lateCancellationWindow  a cancellation closer than this to the start is flagged late
 * @param maxReschedules          how often one session may be moved
 * @param maxSeriesOccurrences    the most occurrences one recurring series may have
 * @param videoBaseUrl            Jitsi-compatible server; each session gets an unguessable room on it
 * @param videoJoinBefore         how long before the start the room can be joined
 * @param bookingHorizon          how far ahead a session can be booked (single, series occurrence or new time)
 */
@ConfigurationProperties("teletherapy.scheduling")
public record SchedulingPolicy(@DefaultValue("12h") Duration minimumNotice,
                               @DefaultValue("62d") Duration maxSlotRange,
                               @DefaultValue("24h") Duration lateCancellationWindow,
                               @DefaultValue("2") int maxReschedules,
                               @DefaultValue("26") int maxSeriesOccurrences,
                               @DefaultValue("https://meet.jit.si") String videoBaseUrl,
                               @DefaultValue("10m") Duration videoJoinBefore,
                               @DefaultValue("90d") Duration bookingHorizon) {
}
