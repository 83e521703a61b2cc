package org.teletherapy.sessions.calendar;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.property.Status;

import org.teletherapy.sessions.booking.SessionEntry;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Sessions as an RFC 5545 calendar. Entries say only "Therapy session": calendars are synced to third parties, so
 * no names and no video links go into them. The UID stays the same for a session's whole life, moves included, and
 * SEQUENCE counts its changes, so a calendar app updates its entry (and shows a cancellation) instead of adding a new
 * one. notifications-service's invitations carry the same UID and SEQUENCE.
 */
final class CalendarWriter {

    private CalendarWriter() {
    }

    static String write(List<SessionEntry> entries) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//Teletherapy//Sessions//EN");
        calendar.setName("Therapy sessions");
        for (SessionEntry entry : entries) {
            VEvent event = new VEvent();
            event.setUid(uid(entry.calendarId()));
            event.setSequence(entry.sequence());
            event.setDateStart(Date.from(entry.start()), true);
            event.setDateEnd(Date.from(entry.end()), true);
            event.setDateTimeStamp(Date.from(entry.updatedAt()));
            event.setLastModified(Date.from(entry.updatedAt()));
            event.setSummary("Therapy session");
            event.setStatus("cancelled".equals(entry.status()) ? Status.cancelled() : Status.confirmed());
            calendar.addEvent(event);
        }
        return Biweekly.write(calendar).go();
    }

    static String uid(UUID sessionId) {
        return sessionId + "@teletherapy";
    }
}
