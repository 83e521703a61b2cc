package org.teletherapy.sessions.booking;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.testsupport.IntegrationTest;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teletherapy.sessions.SchedulingFixture.token;

/** The devstack's past session: client1 sees it as taken place, the other services hear of it once. */
@IntegrationTest
@TestPropertySource(properties = "teletherapy.demo.history=true")
class DemoHistoryTest {

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    @Autowired
    DemoHistory history;

    @AfterEach
    void theOtherTestsStartWithoutIt() {
        database.sql("delete from session where id = :id").bind("id", DemoHistory.PAST_SESSION).then().block();
    }

    @Test
    void client1HasOneCompletedSessionWithTherapist1ALastWeekAndAStartAgainAddsNothing() {
        history.run(new DefaultApplicationArguments());

        Map<?, ?> past = web.get().uri("/api/v1/sessions/{id}", DemoHistory.PAST_SESSION)
                .headers(h -> h.setBearerAuth(token("client1"))).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(past.get("status")).isEqualTo("fulfilled");
        assertThat(Instant.parse((String) past.get("start")))
                .isBetween(Instant.now().minus(Duration.ofDays(8)), Instant.now().minus(Duration.ofDays(6)));
        assertThat(past.get("videoUrl")).isNull();

        List<String> published = database.sql("select event_type from eventing.outbox_event where subject = :id order by position")
                .bind("id", DemoHistory.PAST_SESSION.toString()).map(row -> row.get(0, String.class)).all()
                .collectList().block();
        assertThat(published).containsExactly("session.booked", "session.completed");
    }
}
