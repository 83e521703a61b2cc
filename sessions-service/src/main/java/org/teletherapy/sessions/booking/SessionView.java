package org.teletherapy.sessions.booking;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.teletherapy.sessions.video.VideoRooms;

import java.time.Instant;
import java.util.UUID;

/** A session as its participants see it, with the video room and when it can be joined. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record SessionView(UUID id, UUID therapistId, UUID clientId, Instant start, Instant end, String status,
                   String videoUrl, Instant videoJoinOpensAt, Instant videoJoinClosesAt, UUID seriesId,
                   UUID rescheduledFrom, Cancellation cancellation) {

    record Cancellation(String by, String reason, boolean late, Instant at) {
    }

    static SessionView of(Session session, VideoRooms rooms) {
        Cancellation cancellation = session.cancelledAt() == null ? null : new Cancellation(session.cancelledBy(),
                session.cancelReason(), Boolean.TRUE.equals(session.lateCancellation()), session.cancelledAt());
        return new SessionView(session.id(), session.therapistId(), session.clientId(), session.startsAt(),
                session.endsAt(), session.status(), rooms.url(session.videoRoom()), rooms.joinOpensAt(session.startsAt()),
                session.endsAt(), session.seriesId(), session.rescheduledFrom(), cancellation);
    }
}
