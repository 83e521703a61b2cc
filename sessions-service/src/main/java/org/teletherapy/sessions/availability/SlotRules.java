package org.teletherapy.sessions.availability;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * When a session can be booked: the practice's scheduling rules ({@code teletherapy.scheduling}) that decide which
 * slots are offered. Booking holds every booking, series occurrence and new time to the same window.
 *
 * @param minimumNotice  how long before its start a slot can still be booked
 * @param bookingHorizon how far ahead a session can be booked (single, series occurrence or new time)
 * @param maxSlotRange   the longest range one slot query may ask for
 */
@ConfigurationProperties("teletherapy.scheduling")
public record SlotRules(@DefaultValue("12h") Duration minimumNotice,
                        @DefaultValue("90d") Duration bookingHorizon,
                        @DefaultValue("62d") Duration maxSlotRange) {
}
