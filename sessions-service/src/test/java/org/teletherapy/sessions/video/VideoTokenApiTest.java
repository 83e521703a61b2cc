package org.teletherapy.sessions.video;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.util.UriComponentsBuilder;
import org.teletherapy.sessions.SchedulingApiTestBase;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teletherapy.sessions.SchedulingFixture.token;

/** With Jitsi token authentication: each participant's link carries a token the room checks, for the window only. */
@TestPropertySource(properties = {
        "teletherapy.video.jitsi.app-id=teletherapy-test",
        "teletherapy.video.jitsi.app-secret=" + VideoTokenApiTest.SECRET})
class VideoTokenApiTest extends SchedulingApiTestBase {

    static final String SECRET = "a-test-secret-of-well-over-thirty-two-bytes";

    @Test
    void eachParticipantGetsASignedTokenForTheirRoomValidOnlyDuringTheJoinWindow() throws Exception {
        String id = fixture.book(fixture.firstFreeSlotAfter(Duration.ofDays(2)), "client1");
        fixture.startedAgo(id, Duration.ofMinutes(3));
        Map<?, ?> session = web.get().uri("/api/v1/sessions/{id}", id).headers(h -> h.setBearerAuth(token("client1")))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        Instant start = Instant.parse((String) session.get("start"));
        Instant end = Instant.parse((String) session.get("end"));
        assertThat(session.get("roomProtected")).isEqualTo(true);

        JWTClaimsSet client = verified((String) session.get("videoUrl"));
        Map<?, ?> video = web.get().uri("/api/v1/sessions/{id}/video", id).headers(h -> h.setBearerAuth(token("therapist1")))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(video.get("roomProtected")).isEqualTo(true);
        JWTClaimsSet therapist = verified((String) video.get("url"));

        String room = ((String) session.get("videoUrl")).replaceAll(".*/([^/?]+)\\?.*", "$1");
        for (JWTClaimsSet claims : List.of(client, therapist)) {
            assertThat(claims.getIssuer()).isEqualTo("teletherapy-test");
            assertThat(claims.getAudience()).containsExactly("teletherapy-test");
            assertThat(claims.getSubject()).isEqualTo("meet.jit.si");
            assertThat(claims.getStringClaim("room")).isEqualTo(room.toLowerCase(Locale.ROOT));
            assertThat(claims.getNotBeforeTime()).isEqualTo(Date.from(start.minus(Duration.ofMinutes(10))));
            assertThat(claims.getExpirationTime()).isEqualTo(Date.from(end));
        }
        assertThat(user(client)).containsEntry("name", name("client1")).containsEntry("moderator", false);
        assertThat(user(therapist)).containsEntry("name", name("therapist1")).containsEntry("moderator", true);
    }

    @Test
    void aTokenSignedWithAnotherSecretDoesNotVerify() throws Exception {
        String id = fixture.book(fixture.firstFreeSlotAfter(Duration.ofDays(2)), "client1");
        fixture.startedAgo(id, Duration.ofMinutes(3));
        String url = (String) web.get().uri("/api/v1/sessions/{id}/video", id).headers(h -> h.setBearerAuth(token("client1")))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("url");
        SignedJWT jwt = SignedJWT.parse(tokenOf(url));
        assertThat(jwt.verify(new MACVerifier("another-secret-of-well-over-thirty-two-bytes".getBytes(StandardCharsets.UTF_8))))
                .isFalse();
    }

    private static JWTClaimsSet verified(String url) throws Exception {
        SignedJWT jwt = SignedJWT.parse(tokenOf(url));
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.HS256);
        assertThat(jwt.verify(new MACVerifier(SECRET.getBytes(StandardCharsets.UTF_8)))).isTrue();
        return jwt.getJWTClaimsSet();
    }

    private static String tokenOf(String url) {
        assertThat(url).startsWith("https://meet.jit.si/teletherapy-");
        return UriComponentsBuilder.fromUriString(url).build().getQueryParams().getFirst("jwt");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> user(JWTClaimsSet claims) throws Exception {
        return (Map<String, Object>) claims.getJSONObjectClaim("context").get("user");
    }

    /** The participant's display name as their own Keycloak token carries it. */
    private static String name(String user) throws Exception {
        return JWTParser.parse(token(user)).getJWTClaimsSet().getStringClaim("name");
    }
}
