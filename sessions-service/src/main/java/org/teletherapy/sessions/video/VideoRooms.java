package org.teletherapy.sessions.video;

import org.springframework.stereotype.Component;
import org.teletherapy.sessions.SchedulingPolicy;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;

/**
 * Video rooms on a Jitsi-compatible server. A room name holds 128 random bits, so it cannot be guessed; it is shown
 * only to the session's two participants.
 */
@Component
public class VideoRooms {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SchedulingPolicy policy;

    VideoRooms(SchedulingPolicy policy) {
        this.policy = policy;
    }

    public String newRoom() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "teletherapy-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public String url(String room) {
        String base = policy.videoBaseUrl();
        return (base.endsWith("/") ? base : base + "/") + room;
    }

    /** The room can be joined from shortly before the start until the end. */
    public Instant joinOpensAt(Instant start) {
        return start.minus(policy.videoJoinBefore());
    }
}
