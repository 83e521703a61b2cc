package org.teletherapy.notifications.delivery;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import biweekly.parameter.ParticipationLevel;
import biweekly.property.Attendee;
import biweekly.property.Method;
import biweekly.property.Organizer;
import biweekly.property.Status;

import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * The iTIP (RFC 5546) entry attached to a confirmation. Its UID is the one sessions-service's calendar feed gives the
 * session as first booked ({@code <session id>@teletherapy}) and its SEQUENCE grows with each change, so a calendar
 * program moves or removes the entry it already has instead of adding another. Like the feed, it names no one in its
 * summary and carries no video link.
 */
final class CalendarInvite {

    private CalendarInvite() {
    }

    static String write(boolean cancel, UUID uidSessionId, int sequence, Instant start, Instant end, Instant stamp,
                        String organizerAddress, String attendeeAddress) {
        ICalendar calendar = new ICalendar();
        calendar.setProductId("-//Teletherapy//Notifications//EN");
        calendar.setMethod(cancel ? Method.cancel() : Method.request());
        VEvent event = new VEvent();
        event.setUid(uidSessionId + "@teletherapy");
        event.setSequence(sequence);
        event.setDateStart(Date.from(start), true);
        event.setDateEnd(Date.from(end), true);
        event.setDateTimeStamp(Date.from(stamp));
        event.setSummary("Therapy session");
        event.setStatus(cancel ? Status.cancelled() : Status.confirmed());
        event.setOrganizer(new Organizer(null, organizerAddress));
        Attendee attendee = new Attendee(null, attendeeAddress);
        attendee.setParticipationLevel(ParticipationLevel.REQUIRED);
        event.addAttendee(attendee);
        calendar.addEvent(event);
        return Biweekly.write(calendar).go();
    }
}
