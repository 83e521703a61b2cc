package org.teletherapy.sessions.booking;

import org.springframework.stereotype.Component;
import org.teletherapy.sessions.SchedulingPolicy;
import org.teletherapy.sessions.video.Participant;
import org.teletherapy.sessions.video.VideoRooms;

/** Turns sessions into the views their participants get, with the room and the policy that applies to them. */
@Component
class SessionViews {

    private final VideoRooms rooms;
    private final SchedulingPolicy policy;

    SessionViews(VideoRooms rooms, SchedulingPolicy policy) {
        this.rooms = rooms;
        this.policy = policy;
    }

    SessionView of(Session session, Participant viewer) {
        return SessionView.of(session, rooms, viewer, policy);
    }
}
