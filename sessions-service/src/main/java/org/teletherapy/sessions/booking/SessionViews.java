package org.teletherapy.sessions.booking;

import org.springframework.stereotype.Component;
import org.teletherapy.sessions.video.Participant;
import org.teletherapy.sessions.video.VideoRooms;

/** Turns sessions into the views their participants get, with the room and the rules that apply to them. */
@Component
class SessionViews {

    private final VideoRooms rooms;
    private final BookingRules rules;

    SessionViews(VideoRooms rooms, BookingRules rules) {
        this.rooms = rooms;
        this.rules = rules;
    }

    SessionView of(Session session, Participant viewer) {
        return SessionView.of(session, rooms, viewer, rules);
    }
}
