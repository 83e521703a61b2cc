package org.teletherapy.sessions.booking;

import org.junit.jupiter.api.Test;
import org.teletherapy.sessions.SchedulingApiTestBase;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teletherapy.sessions.SchedulingFixture.token;

/** Without Jitsi token authentication configured: the link is handed out only in the window, and says it is open. */
class VideoWindowApiTest extends SchedulingApiTestBase {

    private static final String ROOM = "https://meet\\.jit\\.si/teletherapy-[A-Za-z0-9_-]{22}";

    @Test
    void theSessionViewsCarryTheRoomLinkOnlyInsideTheJoinWindowOfABookedSession() {
        String id = fixture.book(fixture.firstFreeSlotAfter(Duration.ofDays(2)), "client1");
        assertThat(view("client1", id)).containsEntry("videoUrl", null).containsEntry("roomProtected", false);
        assertThat(mine("therapist1", id)).containsEntry("videoUrl", null);

        fixture.startedAgo(id, Duration.ofMinutes(-5)); // opens 10 minutes before the start
        assertThat((String) view("client1", id).get("videoUrl")).matches(ROOM);
        assertThat((String) mine("therapist1", id).get("videoUrl")).matches(ROOM);

        fixture.startedAgo(id, Duration.ofMinutes(-15));
        assertThat(view("client1", id)).containsEntry("videoUrl", null);

        fixture.startedAgo(id, Duration.ofMinutes(51)); // ended a minute ago
        assertThat(view("therapist1", id)).containsEntry("videoUrl", null);
    }

    @Test
    void aCancelledSessionHasNoRoomLinkEvenInItsWindow() {
        String id = fixture.book(fixture.firstFreeSlotAfter(Duration.ofDays(2)), "client1");
        fixture.startedAgo(id, Duration.ofMinutes(2));
        web.post().uri("/api/v1/sessions/{id}/cancel", id).headers(h -> h.setBearerAuth(token("therapist1")))
                .bodyValue(Map.of("reason", "therapist-unavailable")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].videoUrl").isEmpty();
        assertThat(view("client1", id)).containsEntry("videoUrl", null).containsEntry("status", "cancelled");
        web.get().uri("/api/v1/sessions/{id}/video", id).headers(h -> h.setBearerAuth(token("client1"))).exchange()
                .expectStatus().isEqualTo(409);
    }

    @Test
    void theVideoAnswerSaysTheRoomIsNotProtectedAndItsLinkCarriesNoToken() {
        String id = fixture.book(fixture.firstFreeSlotAfter(Duration.ofDays(2)), "client1");
        fixture.startedAgo(id, Duration.ofMinutes(1));
        web.get().uri("/api/v1/sessions/{id}/video", id).headers(h -> h.setBearerAuth(token("client1"))).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.url").value(url -> assertThat((String) url).matches(ROOM))
                .jsonPath("$.roomProtected").isEqualTo(false);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> view(String user, String id) {
        return (Map<String, Object>) web.get().uri("/api/v1/sessions/{id}", id).headers(h -> h.setBearerAuth(token(user))).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> mine(String user, String id) {
        List<?> sessions = web.get().uri("/api/v1/sessions").headers(h -> h.setBearerAuth(token(user))).exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
        return sessions.stream().map(session -> (Map<String, Object>) session)
                .filter(session -> id.equals(session.get("id"))).findFirst().orElseThrow();
    }
}
