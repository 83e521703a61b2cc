package org.teletherapy.sessions.video;

import org.jspecify.annotations.Nullable;

import java.time.Instant;

/**
 * What a participant may know about a session's room now.
 *
 * @param url       the link to join, with the participant's token when rooms are protected; null outside the window
 *                  or when the session is not booked
 * @param opensAt   when the room can first be joined
 * @param closesAt  when it closes (the session's end)
 * @param protectedRoom whether the room itself refuses people without a valid token
 */
public record JoinLink(@Nullable String url, Instant opensAt, Instant closesAt, boolean protectedRoom) {

    public boolean open() {
        return url != null;
    }
}
