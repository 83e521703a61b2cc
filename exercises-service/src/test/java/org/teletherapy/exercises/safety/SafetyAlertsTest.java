package org.teletherapy.exercises.safety;

import org.teletherapy.exercises.ExercisesApiTestBase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.teletherapy.events.CloudEventHeaders;
import org.teletherapy.events.exercises.Instrument;
import org.teletherapy.testsupport.DemoUsers;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teletherapy.exercises.ExercisesFixtures.PHQ_9;
import static org.teletherapy.exercises.ExercisesFixtures.as;
import static org.teletherapy.exercises.ExercisesFixtures.assign;
import static org.teletherapy.exercises.ExercisesFixtures.awaitRecord;
import static org.teletherapy.exercises.ExercisesFixtures.header;
import static org.teletherapy.exercises.ExercisesFixtures.idOf;
import static org.teletherapy.exercises.ExercisesFixtures.items;
import static org.teletherapy.exercises.ExercisesFixtures.outboxEvents;

class SafetyAlertsTest extends ExercisesApiTestBase {

    /** Item 9 at 1 and a total of 3: "minimal", and still a response that needs follow-up. */
    static final Map<String, Object> QUIET_ITEM_9 = items(9, 0, Map.of("item1", 1, "item2", 1, "item9", 1));

    @Autowired
    SafetyAlerts alerts;

    @Autowired
    TransactionalOperator transaction;

    @Autowired
    MeterRegistry meters;

    @Test
    void item9OfOneWithATotalOfThreeRaisesAnOpenAlertForTheClientsTherapistAtOnce() {
        UUID response = respond("client1", QUIET_ITEM_9, body -> body
                .jsonPath("$.score").isEqualTo(3)
                .jsonPath("$.severity").isEqualTo("minimal")
                .jsonPath("$.followUp.therapistNotified").isEqualTo(true)
                .jsonPath("$.followUp.message").isNotEmpty());

        web.get().uri("/api/v1/safety-alerts?status=open").headers(as("therapist1")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.responseId == '" + response + "')].status").isEqualTo("open")
                .jsonPath("$[?(@.responseId == '" + response + "')].clientId").isEqualTo(DemoUsers.CLIENT1.toString())
                .jsonPath("$[?(@.responseId == '" + response + "')].instrument").isEqualTo("PHQ-9");
        web.get().uri("/api/v1/safety-alerts").headers(as("therapist2")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.responseId == '" + response + "')]").isEmpty();
        web.get().uri("/api/v1/safety-alerts").headers(as("client1")).exchange().expectStatus().isForbidden();
        assertThat(outboxEvents(database, "measure.safety-alert", "responseId", response)).isEqualTo(1);
    }

    @Test
    void theAlertArrivesAsAKafkaEventOnTheRealBroker() {
        UUID response = respond("client2", QUIET_ITEM_9, body -> body.jsonPath("$.followUp").exists());

        ConsumerRecord<String, byte[]> record = awaitRecord("measure.safety-alert",
                payload -> payload.contains(response.toString()), Duration.ofSeconds(60));

        String payload = new String(record.value(), StandardCharsets.UTF_8);
        assertThat(record.key()).isEqualTo(DemoUsers.CLIENT2.toString());
        assertThat(payload).contains("\"therapistId\":\"" + DemoUsers.THERAPIST1 + "\"").contains("\"instrument\":\"PHQ-9\"");
        // Ids and the instrument only: never an answer.
        assertThat(payload).doesNotContain("item").doesNotContain("answers").doesNotContain("score");
        assertThat(header(record, CloudEventHeaders.SOURCE)).isEqualTo("/teletherapy/exercises-service");
        assertThat(header(record, CloudEventHeaders.SUBJECT)).isEqualTo(com.jayway.jsonpath.JsonPath.read(payload, "$.alertId"));
    }

    @Test
    void acknowledgingRecordsWhoAndWhenOnceAndTimesTheFollowUp() {
        UUID response = respond("client1", QUIET_ITEM_9, body -> { });
        UUID alert = alertOf(response);
        long timed = acknowledgeTimer().count();

        web.post().uri("/api/v1/safety-alerts/" + alert + "/acknowledge").headers(as("therapist2")).exchange()
                .expectStatus().isNotFound();
        String acknowledgedAt = com.jayway.jsonpath.JsonPath.read(new String(
                web.post().uri("/api/v1/safety-alerts/" + alert + "/acknowledge").headers(as("therapist1")).exchange()
                        .expectStatus().isOk()
                        .expectBody()
                        .jsonPath("$.status").isEqualTo("acknowledged")
                        .jsonPath("$.acknowledgedBy").isEqualTo(DemoUsers.THERAPIST1.toString())
                        .returnResult().getResponseBody(), StandardCharsets.UTF_8), "$.acknowledgedAt");

        assertThat(acknowledgeTimer().count()).isEqualTo(timed + 1);
        web.post().uri("/api/v1/safety-alerts/" + alert + "/acknowledge").headers(as("therapist1")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.acknowledgedAt").isEqualTo(acknowledgedAt);
        assertThat(acknowledgeTimer().count()).as("the first acknowledgement stands").isEqualTo(timed + 1);
        assertThat(outboxEvents(database, "measure.safety-alert-acknowledged", "alertId", alert)).isEqualTo(1);
        web.get().uri("/api/v1/safety-alerts?status=open").headers(as("therapist1")).exchange()
                .expectBody().jsonPath("$[?(@.id == '" + alert + "')]").isEmpty();
        web.get().uri("/api/v1/safety-alerts?status=acknowledged").headers(as("therapist1")).exchange()
                .expectBody().jsonPath("$[?(@.id == '" + alert + "')].acknowledgedAt").isEqualTo(acknowledgedAt);
    }

    @Test
    void everyNewResponseRaisesItsOwnAlertButADuplicateNeverRaisesASecond() {
        UUID first = respond("client1", QUIET_ITEM_9, body -> { });
        UUID second = respond("client1", items(9, 3, Map.of()), body -> body.jsonPath("$.severity").isEqualTo("severe"));
        UUID firstAlert = alertOf(first);
        assertThat(alertOf(second)).isNotEqualTo(firstAlert);

        // The same response again, as a retried or redelivered hand-in would bring it.
        UUID assignment = database.sql("select assignment_id from submission where id = :id").bind("id", first)
                .map(row -> row.get(0, UUID.class)).one().block();
        var again = transaction.transactional(alerts.raise(first, assignment, DemoUsers.CLIENT1, DemoUsers.THERAPIST1,
                Instrument.PHQ_9, Instant.now())).blockOptional();

        assertThat(again).isEmpty();
        assertThat(database.sql("select count(*) from safety_alert where response_id = :id").bind("id", first)
                .map(row -> row.get(0, Long.class)).one().block()).isEqualTo(1);
        assertThat(outboxEvents(database, "measure.safety-alert", "responseId", first)).isEqualTo(1);
    }

    @Test
    void operatorsSeeCountsOfAlertsButNoAlert() {
        respond("client2", QUIET_ITEM_9, body -> { });

        web.get().uri("/api/v1/safety-alerts").headers(as("operator1")).exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/safety-alerts/figures").headers(as("operator1")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.open").isNumber()
                .jsonPath("$.acknowledged").isNumber()
                .jsonPath("$.oldestOpenSeconds").isNumber()
                .jsonPath("$.clientId").doesNotExist();
        web.get().uri("/api/v1/safety-alerts/figures").headers(as("therapist1")).exchange().expectStatus().isForbidden();
    }

    private UUID respond(String client, Map<String, Object> answers,
                         java.util.function.Consumer<WebTestClient.BodyContentSpec> checks) {
        UUID assignment = assign(web, "therapist1", "client1".equals(client) ? DemoUsers.CLIENT1 : DemoUsers.CLIENT2, PHQ_9);
        WebTestClient.BodyContentSpec body = web.post().uri("/api/v1/assignments/" + assignment + "/submissions")
                .headers(as(client)).bodyValue(answers).exchange()
                .expectStatus().isCreated()
                .expectBody();
        checks.accept(body);
        return idOf(body.returnResult().getResponseBody());
    }

    private UUID alertOf(UUID response) {
        return database.sql("select id from safety_alert where response_id = :id").bind("id", response)
                .map(row -> row.get(0, UUID.class)).one().block();
    }

    private Timer acknowledgeTimer() {
        return meters.get("teletherapy.safety.acknowledge.time").timer();
    }
}
