package org.teletherapy.system;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.devstack.DemoData;
import org.teletherapy.testsupport.DemoUsers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The devstack's demo data, put in through the API as the demo users: what a client sees at first sign-in, and a
 * second start that adds nothing.
 */
@Order(90)
class DemoDataTest {

    static RunningPlatform running;
    static WebTestClient gateway;
    static final List<String> said = new ArrayList<>();
    /** client2, not the devstack's client1: the browser tests book and assign with client1 before this runs. */
    static final DemoData.Pair CLIENT2_WITH_THERAPIST1 = new DemoData.Pair("therapist1", DemoUsers.THERAPIST1,
            "client2", DemoUsers.CLIENT2);

    @BeforeAll
    static void seededTwice() {
        running = RunningPlatform.get();
        gateway = WebTestClient.bindToServer().baseUrl(running.platform.gatewayUrl())
                .responseTimeout(Duration.ofSeconds(30)).build();
        DemoData demo = new DemoData(CLIENT2_WITH_THERAPIST1, running.platform.gatewayUrl(), running.platform.keycloak().url(),
                Clock.systemUTC(), said::add);
        demo.seed();
        demo.seed();
    }

    @Test
    void theTherapistIsAvailableAndTheClientHasAnUpcomingSessionWithThem() {
        gateway.get().uri("/api/v1/availability").headers(h -> h.setBearerAuth(token("therapist1"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.weekly").isNotEmpty();
        List<Map<String, Object>> sessions = list("/api/v1/sessions", "client2");
        assertThat(sessions).anySatisfy(session -> {
            assertThat(session.get("status")).isEqualTo("booked");
            assertThat(session.get("therapistId")).isEqualTo(DemoUsers.THERAPIST1.toString());
            assertThat(Instant.parse((String) session.get("start"))).isAfter(Instant.now());
        });
    }

    @Test
    void theClientHasAReviewedWorksheetAnOpenPhq9AndAScoreHistory() {
        List<Map<String, Object>> homework = list("/api/v1/assignments", "client2");
        assertThat(homework).filteredOn(a -> "reviewed".equals(a.get("status"))).hasSize(1)
                .first().satisfies(a -> assertThat((String) a.get("reviewComment")).startsWith("Thank you"));
        assertThat(homework).filteredOn(a -> "PHQ-9".equals(a.get("instrument")) && "assigned".equals(a.get("status")))
                .hasSize(1);

        List<Map<String, Object>> phq9 = list("/api/v1/measures?instrument=PHQ-9", "client2");
        assertThat(phq9).extracting(m -> ((Number) m.get("totalScore")).intValue()).containsExactly(13, 8);
        assertThat(list("/api/v1/measures?instrument=GAD-7", "client2")).hasSize(1);
    }

    @Test
    void theSecondStartAddedNothingAndEveryStepWasReported() {
        assertThat(list("/api/v1/assignments", "client2")).hasSize(5);
        // Availability and a session may exist already (earlier tests book with client1): those steps then say nothing.
        assertThat(said).noneMatch(line -> line.contains("incomplete"))
                .filteredOn(line -> line.contains("reviewed worksheet")).hasSize(1);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(String path, String user) {
        return gateway.get().uri(path).headers(h -> h.setBearerAuth(token(user))).exchange()
                .expectStatus().isOk().expectBodyList(Map.class).returnResult().getResponseBody()
                .stream().map(m -> (Map<String, Object>) m).toList();
    }

    private static String token(String user) {
        return running.keycloak.accessToken(user);
    }
}
