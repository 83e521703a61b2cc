package org.teletherapy.notifications.session;

import biweekly.ICalendar;
import biweekly.component.VEvent;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.teletherapy.events.sessions.Actor;
import org.teletherapy.events.sessions.CancellationReason;
import org.teletherapy.events.sessions.SessionBooked;
import org.teletherapy.events.sessions.SessionCancelled;
import org.teletherapy.events.sessions.SessionRescheduled;
import org.teletherapy.notifications.NotificationsTestBase;
import org.teletherapy.testsupport.DemoUsers;
import org.teletherapy.testsupport.TestEvents;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.teletherapy.notifications.Mails.calendar;
import static org.teletherapy.notifications.Mails.calendarPart;
import static org.teletherapy.notifications.Mails.everything;
import static org.teletherapy.notifications.Mails.header;
import static org.teletherapy.notifications.Mails.text;

class ConfirmationsTest extends NotificationsTestBase {

    static final String CLIENT1 = "client1@example.org";
    static final String THERAPIST1 = "therapist1@example.org";

    static SessionBooked book(Instant start) {
        return new SessionBooked(UUID.randomUUID(), DemoUsers.CLIENT1, DemoUsers.THERAPIST1, start,
                start.plus(Duration.ofMinutes(50)), Instant.now());
    }

    static Instant inDays(int days) {
        return Instant.now().plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.HOURS);
    }

    @Test
    void aBookingConfirmsToClientAndTherapistWithTheCalendarFeedsEntry() throws Exception {
        SessionBooked booked = book(inDays(3));
        TestEvents.publish(booked);

        MimeMessage toClient = awaitOne(CLIENT1, "session-booked", booked.sessionId());
        MimeMessage toTherapist = awaitOne(THERAPIST1, "session-booked", booked.sessionId());
        for (MimeMessage message : new MimeMessage[]{toClient, toTherapist}) {
            ICalendar ics = calendar(message);
            assertThat(ics.getMethod().getValue()).isEqualTo("REQUEST");
            VEvent event = ics.getEvents().get(0);
            // As sessions-service's calendar feed writes it (CalendarWriter.uid), so calendar programs agree.
            assertThat(event.getUid().getValue()).isEqualTo(booked.sessionId() + "@teletherapy");
            assertThat(event.getSequence().getValue()).isZero();
            assertThat(event.getDateStart().getValue()).isEqualTo(Date.from(booked.startsAt()));
            assertThat(event.getDateEnd().getValue()).isEqualTo(Date.from(booked.endsAt()));
            assertThat(calendarPart(message).getContentType()).contains("text/calendar").contains("method=REQUEST");
            assertThat(text(message, "text/plain")).contains("/sessions/" + booked.sessionId());
            assertThat(text(message, "text/html")).contains("/sessions/" + booked.sessionId());
            assertThat(header(message, "List-Unsubscribe")).startsWith("<http").contains("unsubscribe?token=");
            assertThat(header(message, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        }
        // The client reads their therapist's name; the therapist's message does not name the client.
        assertThat(everything(toClient)).contains("Hello Clara Meyer", "Theresa Lindqvist");
        assertThat(everything(toTherapist)).contains("Hello Theresa Lindqvist").doesNotContain("Clara", "Meyer");
        assertThat(toClient.getSubject()).startsWith("Session booked: ");
    }

    @Test
    void aRescheduleUpdatesTheSameCalendarEntryWithAHigherSequence() throws Exception {
        SessionBooked booked = book(inDays(4));
        TestEvents.publish(booked);
        awaitOne(CLIENT1, "session-booked", booked.sessionId());

        Instant later = booked.startsAt().plus(Duration.ofDays(1));
        SessionRescheduled moved = new SessionRescheduled(UUID.randomUUID(), booked.sessionId(), DemoUsers.CLIENT1,
                DemoUsers.THERAPIST1, booked.startsAt(), later, later.plus(Duration.ofMinutes(50)), Actor.CLIENT,
                Instant.now());
        TestEvents.publish(moved);

        for (String address : new String[]{CLIENT1, THERAPIST1}) {
            MimeMessage message = awaitOne(address, "session-rescheduled", booked.sessionId());
            VEvent event = calendar(message).getEvents().get(0);
            assertThat(calendar(message).getMethod().getValue()).isEqualTo("REQUEST");
            assertThat(event.getUid().getValue()).isEqualTo(booked.sessionId() + "@teletherapy");
            assertThat(event.getSequence().getValue()).isEqualTo(1);
            assertThat(event.getDateStart().getValue()).isEqualTo(Date.from(later));
            assertThat(text(message, "text/plain")).contains("/sessions/" + moved.sessionId());
        }

        // Moved again: the same entry, one more change.
        Instant evenLater = later.plus(Duration.ofDays(1));
        UUID third = UUID.randomUUID();
        TestEvents.publish(new SessionRescheduled(third, moved.sessionId(), DemoUsers.CLIENT1, DemoUsers.THERAPIST1,
                later, evenLater, evenLater.plus(Duration.ofMinutes(50)), Actor.THERAPIST, Instant.now()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> about(CLIENT1, "session-rescheduled", booked.sessionId()).size() == 2);
        assertThat(about(CLIENT1, "session-rescheduled", booked.sessionId()))
                .extracting(message -> calendar(message).getEvents().get(0))
                .allSatisfy(event -> assertThat(event.getUid().getValue()).isEqualTo(booked.sessionId() + "@teletherapy"))
                .extracting(event -> event.getSequence().getValue())
                .containsExactlyInAnyOrder(1, 2);
        assertThat(about(CLIENT1, "session-rescheduled", booked.sessionId())).extracting(message -> text(message, "text/plain"))
                .anySatisfy(text -> assertThat(text).contains("/sessions/" + third));
    }

    @Test
    void aCancellationSendsMethodCancelForTheSameEntry() throws Exception {
        SessionBooked booked = book(inDays(5));
        TestEvents.publish(booked);
        awaitOne(CLIENT1, "session-booked", booked.sessionId());

        TestEvents.publish(new SessionCancelled(booked.sessionId(), DemoUsers.CLIENT1, DemoUsers.THERAPIST1,
                booked.startsAt(), Actor.CLIENT, CancellationReason.ILLNESS, false, Instant.now()));

        for (String address : new String[]{CLIENT1, THERAPIST1}) {
            MimeMessage message = awaitOne(address, "session-cancelled", booked.sessionId());
            ICalendar ics = calendar(message);
            assertThat(ics.getMethod().getValue()).isEqualTo("CANCEL");
            assertThat(ics.getEvents().get(0).getUid().getValue()).isEqualTo(booked.sessionId() + "@teletherapy");
            assertThat(ics.getEvents().get(0).getSequence().getValue()).isEqualTo(1);
            assertThat(ics.getEvents().get(0).getStatus().isCancelled()).isTrue();
            assertThat(calendarPart(message).getContentType()).contains("method=CANCEL");
            // No reason travels: it might say something about the client.
            assertThat(everything(message).toLowerCase()).doesNotContain("illness");
        }
    }
}
