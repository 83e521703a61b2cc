package org.teletherapy.exercises.overdue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.teletherapy.eventing.outbox.OutboxWriter;
import org.teletherapy.exercises.assignment.Assignments;
import org.teletherapy.testsupport.DemoUsers;
import org.teletherapy.testsupport.IntegrationTest;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teletherapy.exercises.ExercisesFixtures.JOURNAL;
import static org.teletherapy.exercises.ExercisesFixtures.as;
import static org.teletherapy.exercises.ExercisesFixtures.demoRoster;
import static org.teletherapy.exercises.ExercisesFixtures.outboxEvents;

@IntegrationTest
class OverdueSweepTest {

    @Autowired
    OverdueSweep sweep;

    @Autowired
    Assignments assignments;

    @Autowired
    OutboxWriter outbox;

    @Autowired
    TransactionalOperator transaction;

    @Autowired
    Clock clock;

    @Autowired
    DatabaseClient database;

    @Autowired
    WebTestClient web;

    @BeforeEach
    void rosterAsInTheDemo() {
        demoRoster(database);
    }

    @Test
    void twoInstancesSweepingAtOnceAnnounceEachOverdueAssignmentExactlyOnce() {
        Instant now = Instant.now();
        List<UUID> due = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            due.add(insert(i % 2 == 0 ? "assigned" : "in-progress", now.minus(1 + i, ChronoUnit.MINUTES), true));
        }
        UUID notYetDue = insert("assigned", now.plus(1, ChronoUnit.HOURS), true);
        UUID handedIn = insert("submitted", now.minus(1, ChronoUnit.HOURS), true);
        UUID sessionNotYetHeld = insert("assigned", now.minus(1, ChronoUnit.HOURS), false);
        // A second instance of the service: its own job, the same database, small batches to interleave with ours.
        OverdueSweep otherInstance = new OverdueSweep(assignments, outbox, transaction,
                new OverdueProperties(true, Duration.ofMinutes(1), 7), clock, new SimpleMeterRegistry());

        List<Long> moved = Mono.zip(sweep.run().subscribeOn(Schedulers.boundedElastic()),
                        otherInstance.run().subscribeOn(Schedulers.boundedElastic()))
                .map(both -> List.of(both.getT1(), both.getT2()))
                .block(Duration.ofSeconds(60));

        assertThat(moved.get(0) + moved.get(1)).isGreaterThanOrEqualTo(due.size());
        assertThat(due).allSatisfy(id -> {
            assertThat(outboxEvents(database, "exercise.overdue", "assignmentId", id)).as("events for %s", id).isEqualTo(1);
            assertThat(status(id)).isEqualTo("overdue");
        });
        assertThat(List.of(notYetDue, handedIn, sessionNotYetHeld)).allSatisfy(id ->
                assertThat(outboxEvents(database, "exercise.overdue", "assignmentId", id)).isZero());
        assertThat(status(notYetDue)).isEqualTo("assigned");
        assertThat(status(handedIn)).isEqualTo("submitted");
        assertThat(status(sessionNotYetHeld)).isEqualTo("assigned");

        sweep.run().block(Duration.ofSeconds(30));
        assertThat(due).allSatisfy(id ->
                assertThat(outboxEvents(database, "exercise.overdue", "assignmentId", id)).isEqualTo(1));
    }

    @Test
    void anOverdueAssignmentCanStillBeHandedInLate() {
        UUID late = insert("assigned", Instant.now().minus(2, ChronoUnit.HOURS), true);
        sweep.run().block(Duration.ofSeconds(30));
        assertThat(status(late)).isEqualTo("overdue");

        web.get().uri("/api/v1/assignments?status=overdue").headers(as("client1")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.id == '" + late + "')].status").isEqualTo("overdue");
        web.post().uri("/api/v1/assignments/" + late + "/submissions").headers(as("client1"))
                .bodyValue(Map.of("answers", Map.of("moment", "Late, but done.", "said-it", false, "feeling", "hurt",
                        "safety", 3)))
                .exchange()
                .expectStatus().isCreated();
        assertThat(status(late)).isEqualTo("submitted");
    }

    private UUID insert(String status, Instant dueAt, boolean released) {
        UUID id = UUID.randomUUID();
        Instant created = dueAt.minus(2, ChronoUnit.DAYS);
        DatabaseClient.GenericExecuteSpec insert = database.sql("""
                        insert into assignment (id, client_id, therapist_id, template_id, status, due_at, available_from,
                                                released_at, session_id, submitted_at, created_at)
                        values (:id, :client, :therapist, :template, :status, :due, :created, :released, :session,
                                :submitted, :created)""")
                .bind("id", id)
                .bind("client", DemoUsers.CLIENT1)
                .bind("therapist", DemoUsers.THERAPIST1)
                .bind("template", JOURNAL)
                .bind("status", status)
                .bind("due", dueAt)
                .bind("created", created);
        insert = insert.bind("released", Parameter.fromOrEmpty(released ? created : null, Instant.class));
        insert = insert.bind("session", Parameter.fromOrEmpty(released ? null : UUID.randomUUID(), UUID.class));
        insert = insert.bind("submitted", Parameter.fromOrEmpty("submitted".equals(status) ? dueAt.minus(1, ChronoUnit.HOURS) : null, Instant.class));
        insert.then().block();
        return id;
    }

    private String status(UUID id) {
        return database.sql("select status from assignment where id = :id").bind("id", id)
                .map(row -> row.get(0, String.class)).one().block();
    }
}
