package org.teletherapy.sessions.availability;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** When a therapist can be booked: weekly windows in their IANA time zone, session length, buffer, time off. */
public record Availability(UUID therapistId, ZoneId timeZone, int sessionMinutes, int bufferMinutes,
                           List<WeeklyWindow> weekly, List<TimeOff> timeOff) {

    public Duration sessionLength() {
        return Duration.ofMinutes(sessionMinutes);
    }

    public Duration buffer() {
        return Duration.ofMinutes(bufferMinutes);
    }
}
