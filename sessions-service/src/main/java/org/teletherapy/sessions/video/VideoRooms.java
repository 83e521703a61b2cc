package org.teletherapy.sessions.video;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.stereotype.Component;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Video rooms on a Jitsi-compatible server. A room name holds 128 random bits, so it cannot be guessed; its link is
 * given to the session's two participants only, and only while the session can be joined. With token authentication
 * configured the room itself enforces that: each link carries a token for one participant that Jitsi accepts only
 * from the window's opening to the session's end.
 */
@Component
public class VideoRooms {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final VideoRoomRules rules;
    private final JitsiProperties jitsi;
    private final Clock clock;
    private final MACSigner signer;
    private final String domain;

    VideoRooms(VideoRoomRules rules, JitsiProperties jitsi, Clock clock) {
        this.rules = rules;
        this.jitsi = jitsi;
        this.clock = clock;
        this.signer = jitsi.protectsRooms() ? macSigner(jitsi.appSecret()) : null;
        this.domain = jitsi.domain() != null ? jitsi.domain() : URI.create(rules.videoBaseUrl()).getHost();
    }

    public String newRoom() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return "teletherapy-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The room's address without any token. */
    public String url(String room) {
        String base = rules.videoBaseUrl();
        return (base.endsWith("/") ? base : base + "/") + room;
    }

    /** The room can be joined from shortly before the start until the end. */
    public Instant joinOpensAt(Instant start) {
        return start.minus(rules.videoJoinBefore());
    }

    public boolean roomsProtected() {
        return signer != null;
    }

    /**
     * The participant's link to a booked session's room: filled only inside the join window.
     *
     * @param moderator the therapist moderates; the client does not
     */
    public JoinLink joinLink(String room, Instant start, Instant end, boolean booked, Participant who, boolean moderator) {
        Instant opens = joinOpensAt(start);
        Instant now = clock.instant();
        boolean joinable = booked && !now.isBefore(opens) && now.isBefore(end);
        String url = joinable ? withToken(room, opens, end, who, moderator) : null;
        return new JoinLink(url, opens, end, roomsProtected());
    }

    private String withToken(String room, Instant opens, Instant closes, Participant who, boolean moderator) {
        if (signer == null) {
            return url(room);
        }
        return url(room) + "?jwt=" + token(room, opens, closes, who, moderator);
    }

    /**
     * A token as prosody's token authentication checks it: {@code iss} and {@code aud} are the app id
     * ({@code asap_accepted_issuers}/{@code asap_accepted_audiences}), {@code sub} is the Jitsi domain, {@code room}
     * the one room it opens, valid from {@code nbf} to {@code exp}.
     */
    String token(String room, Instant opens, Instant closes, Participant who, boolean moderator) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(jitsi.appId())
                .audience(jitsi.appId())
                .subject(domain)
                // Jitsi keys rooms by their lower-cased name and compares the claim with that.
                .claim("room", room.toLowerCase(Locale.ROOT))
                .issueTime(Date.from(clock.instant()))
                .notBeforeTime(Date.from(opens))
                .expirationTime(Date.from(closes))
                .jwtID(UUID.randomUUID().toString())
                .claim("context", Map.of("user", Map.of(
                        "id", who.id().toString(),
                        "name", who.displayName(),
                        "moderator", moderator)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("the room token could not be signed", e);
        }
        return jwt.serialize();
    }

    private static MACSigner macSigner(String secret) {
        try {
            return new MACSigner(secret.getBytes(StandardCharsets.UTF_8));
        } catch (JOSEException e) {
            throw new IllegalStateException("teletherapy.video.jitsi.app-secret is not usable for HS256", e);
        }
    }
}
