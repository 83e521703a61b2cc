package org.teletherapy.exercises.erasure;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.teletherapy.events.Topics;
import org.teletherapy.events.accounts.ClientErased;
import org.teletherapy.events.roster.RosterLinked;
import org.teletherapy.exercises.vault.AnswerVault;
import org.teletherapy.exercises.vault.ClientErasedException;
import org.teletherapy.testsupport.DemoUsers;
import org.teletherapy.testsupport.IntegrationTest;
import org.teletherapy.testsupport.TestEvents;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.teletherapy.exercises.ExercisesFixtures.JOURNAL;
import static org.teletherapy.exercises.ExercisesFixtures.as;
import static org.teletherapy.exercises.ExercisesFixtures.assign;
import static org.teletherapy.exercises.ExercisesFixtures.link;
import static org.teletherapy.exercises.ExercisesFixtures.linked;
import static org.teletherapy.exercises.ExercisesFixtures.outboxEvents;

@IntegrationTest
class ClientErasedTest {

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    @Autowired
    AnswerVault vault;

    @Autowired
    TransactionalOperator transaction;

    @Test
    void erasingAClientMakesEverythingTheyWroteUnreadableAndWithdrawsTheirHomework() {
        UUID client = UUID.randomUUID();
        link(database, client, DemoUsers.THERAPIST1);
        UUID assignment = assign(web, "therapist1", client, JOURNAL);
        byte[] answers = transaction.transactional(vault.seal(client, "submission-answers/v1", assignment,
                "I said what I felt".getBytes(StandardCharsets.UTF_8))).block();
        assertThat(vault.open(client, "submission-answers/v1", assignment, answers).block()).asString(StandardCharsets.UTF_8)
                .isEqualTo("I said what I felt");

        TestEvents.publish(new ClientErased(client, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> database.sql("select count(*) from erased_client where client_id = :c")
                .bind("c", client).map(row -> row.get(0, Long.class)).one().block() == 1);

        assertThatThrownBy(() -> vault.open(client, "submission-answers/v1", assignment, answers).block())
                .isInstanceOf(ClientErasedException.class);
        byte[] instructions = database.sql("select instructions from assignment where id = :id").bind("id", assignment)
                .map(row -> row.get(0, byte[].class)).one().block();
        assertThatThrownBy(() -> vault.open(client, "assignment-instructions/v1", assignment, instructions).block())
                .isInstanceOf(ClientErasedException.class);
        assertThatThrownBy(() -> transaction.transactional(vault.seal(client, "submission-answers/v1", UUID.randomUUID(),
                new byte[]{1})).block()).as("nothing new is sealed for an erased client").isInstanceOf(ClientErasedException.class);
        assertThat(database.sql("select status from assignment where id = :id").bind("id", assignment)
                .map(row -> row.get(0, String.class)).one().block()).isEqualTo("withdrawn");
        assertThat(linked(database, client, DemoUsers.THERAPIST1)).isFalse();
        web.get().uri("/api/v1/assignments/" + assignment).headers(as("therapist1")).exchange().expectStatus().isNotFound();

        // A late roster event cannot bring an erased client back.
        TestEvents.publish(new RosterLinked(client, DemoUsers.THERAPIST2, Instant.now()));
        UUID marker = UUID.randomUUID();
        TestEvents.publish(new RosterLinked(marker, DemoUsers.THERAPIST2, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> linked(database, marker, DemoUsers.THERAPIST2));
        assertThat(linked(database, client, DemoUsers.THERAPIST2)).isFalse();
    }

    @Test
    void theExercisesPartIsConfirmedOnceItIsErasedAndARedeliveryConfirmsNothingNew() {
        UUID client = UUID.randomUUID();
        link(database, client, DemoUsers.THERAPIST1);
        ClientErased erased = new ClientErased(client, Instant.now());
        UUID eventId = UUID.randomUUID();

        TestEvents.publish(erased, eventId);
        TestEvents.publish(erased, eventId);

        await().atMost(Duration.ofSeconds(30)).until(() -> outboxEvents(database, "erasure.part-done", "clientId", client) == 1);
        assertThat(linked(database, client, DemoUsers.THERAPIST1)).as("erased in the same transaction").isFalse();
        // Published by the relay, once, with ids and codes only.
        List<String> published = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            published.clear();
            published.addAll(TestEvents.published(Topics.ERASURE, "erasure.part-done",
                    payload -> payload.contains(client.toString()), Duration.ofSeconds(2)));
            return !published.isEmpty();
        });
        assertThat(published).hasSize(1);
        assertThat(published.get(0)).contains("\"part\":\"exercises\"", "\"outcome\":\"done\"")
                .doesNotContain("reasonCode\":\"");
        assertThat(outboxEvents(database, "erasure.part-done", "clientId", client)).isEqualTo(1);
    }
}
