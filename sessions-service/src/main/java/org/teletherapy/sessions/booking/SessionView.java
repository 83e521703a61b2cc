package org.teletherapy.sessions.booking;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.teletherapy.sessions.video.JoinLink;
import org.teletherapy.sessions.video.Participant;
import org.teletherapy.sessions.video.VideoRooms;

import java.time.Instant;
import java.util.UUID;

/**
 * A session as its participants see it, with when its room can be joined. {@code videoUrl} is the caller's own join
 * link and is filled only while a booked session can be joined ({@code null} otherwise, so a link handed out early
 * or for a cancelled session cannot undo the window); {@code roomProtected} says whether the room itself checks a
 * token, or is open to anyone holding the link. For a booked session, {@code lateCancellationFrom} says from when a
 * cancellation counts as late and {@code reschedulesLeft} how often it can still be moved, so that a client can be
 * told before they decide. For its therapist, {@code closableFrom} says from when the booked session can be completed
 * or marked as a no-show (the rule of {@code BookingService.close}), so that a page offers it only then.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SessionView(UUID id, UUID therapistId, UUID clientId, Instant start, Instant end, String status,
                   @JsonInclude(JsonInclude.Include.ALWAYS) String videoUrl, Instant videoJoinOpensAt,
                   Instant videoJoinClosesAt, boolean roomProtected, UUID seriesId, UUID rescheduledFrom,
                   Cancellation cancellation, Instant lateCancellationFrom, Integer reschedulesLeft,
                   Instant closableFrom) {

    record Cancellation(String by, String reason, boolean late, Instant at) {
    }

    static SessionView of(Session session, VideoRooms rooms, Participant viewer, BookingRules rules) {
        Cancellation cancellation = session.cancelledAt() == null ? null : new Cancellation(session.cancelledBy(),
                session.cancelReason(), Boolean.TRUE.equals(session.lateCancellation()), session.cancelledAt());
        JoinLink link = joinLink(session, rooms, viewer);
        boolean booked = Session.BOOKED.equals(session.status());
        boolean therapist = session.therapistId().equals(viewer.id());
        return new SessionView(session.id(), session.therapistId(), session.clientId(), session.startsAt(),
                session.endsAt(), session.status(), link.url(), link.opensAt(), link.closesAt(), link.protectedRoom(),
                session.seriesId(), session.rescheduledFrom(), cancellation,
                booked ? session.startsAt().minus(rules.lateCancellationWindow()) : null,
                booked ? Math.max(0, rules.maxReschedules() - session.rescheduleCount()) : null,
                booked && therapist ? BookingService.closableFrom(session) : null);
    }

    static JoinLink joinLink(Session session, VideoRooms rooms, Participant viewer) {
        return rooms.joinLink(session.videoRoom(), session.startsAt(), session.endsAt(),
                Session.BOOKED.equals(session.status()), viewer, session.therapistId().equals(viewer.id()));
    }
}
