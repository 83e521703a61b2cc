package org.teletherapy.sessions.video;

import org.springframework.security.oauth2.jwt.Jwt;

import java.util.UUID;

/**
 * Who asks for a room: their id and the display name Jitsi shows the other participant, taken from their own token.
 * The name goes into the room token only; it is never logged.
 */
public record Participant(UUID id, String displayName) {

    public static Participant from(Jwt jwt) {
        return new Participant(UUID.fromString(jwt.getSubject()), displayName(jwt));
    }

    private static String displayName(Jwt jwt) {
        String name = jwt.getClaimAsString("name");
        if (name != null && !name.isBlank()) {
            return name.strip();
        }
        String given = jwt.getClaimAsString("given_name");
        String family = jwt.getClaimAsString("family_name");
        String joined = ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
        return joined.isEmpty() ? "Participant" : joined;
    }

    @Override
    public String toString() {
        return "Participant[" + id + "]";
    }
}
