package org.teletherapy.exercises;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.http.HttpHeaders;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.events.CloudEventHeaders;
import org.teletherapy.events.Topics;
import org.teletherapy.events.roster.RosterLinked;
import org.teletherapy.testsupport.DemoUsers;
import org.teletherapy.testsupport.Infrastructure;
import org.teletherapy.testsupport.TestEvents;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What the integration tests share: real tokens, the demo roster, homework and a look into the outbox and Kafka. */
public final class ExercisesFixtures {

    public static final UUID PHQ_9 = UUID.fromString("7b1f0000-0000-4000-8000-000000000009");
    public static final UUID GAD_7 = UUID.fromString("7b1f0000-0000-4000-8000-000000000007");
    public static final UUID JOURNAL = UUID.fromString("7b1f0000-0000-4000-8000-000000000101");
    public static final UUID CONSISTENCY = UUID.fromString("7b1f0000-0000-4000-8000-000000000102");
    public static final UUID BOUNDARIES = UUID.fromString("7b1f0000-0000-4000-8000-000000000104");

    private record Token(String value, Instant fetched) {
    }

    private static final Map<String, Token> TOKENS = new ConcurrentHashMap<>();

    private ExercisesFixtures() {
    }

    /** A real token of a demo user, reused for a few minutes (they live five). */
    public static String token(String user) {
        Token token = TOKENS.compute(user, (name, cached) -> cached != null
                && cached.fetched().isAfter(Instant.now().minus(3, ChronoUnit.MINUTES))
                ? cached : new Token(Infrastructure.shared().keycloak().accessToken(name), Instant.now()));
        return token.value();
    }

    public static Consumer<HttpHeaders> as(String user) {
        return headers -> headers.setBearerAuth(token(user));
    }

    /** The demo roster (client1 and client2 with therapist1, client3 with therapist2), as sessions-service announces it. */
    public static void demoRoster(DatabaseClient database) {
        link(database, DemoUsers.CLIENT1, DemoUsers.THERAPIST1);
        link(database, DemoUsers.CLIENT2, DemoUsers.THERAPIST1);
        link(database, DemoUsers.CLIENT3, DemoUsers.THERAPIST2);
    }

    public static void link(DatabaseClient database, UUID client, UUID therapist) {
        if (!linked(database, client, therapist)) {
            TestEvents.publish(new RosterLinked(client, therapist, Instant.now()));
            await().atMost(Duration.ofSeconds(60)).until(() -> linked(database, client, therapist));
        }
    }

    public static boolean linked(DatabaseClient database, UUID client, UUID therapist) {
        return Boolean.TRUE.equals(database.sql("select linked from roster_link where client_id = :c and therapist_id = :t")
                .bind("c", client).bind("t", therapist)
                .map(row -> row.get("linked", Boolean.class)).one().blockOptional().orElse(false));
    }

    /** A body for POST /api/v1/assignments. */
    public static Map<String, Object> assignment(UUID client, UUID template, Instant dueAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("clientId", client.toString());
        body.put("templateId", template.toString());
        body.put("instructions", "Write one entry after dinner, before we meet on Thursday.");
        body.put("dueAt", dueAt.toString());
        return body;
    }

    /** Assigns as {@code therapist}, due in three days, and returns the new assignment's id. */
    public static UUID assign(WebTestClient web, String therapist, UUID client, UUID template) {
        return created(web.post().uri("/api/v1/assignments").headers(as(therapist))
                .bodyValue(assignment(client, template, Instant.now().plus(3, ChronoUnit.DAYS)))
                .exchange());
    }

    /** The id of what a 201 response created. */
    public static UUID created(WebTestClient.ResponseSpec response) {
        Map<?, ?> body = response.expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(body).isNotNull();
        return UUID.fromString((String) body.get("id"));
    }

    /** The {@code id} of a JSON response body. */
    public static UUID idOf(byte[] body) {
        assertThat(body).isNotNull();
        return UUID.fromString(com.jayway.jsonpath.JsonPath.read(new String(body, StandardCharsets.UTF_8), "$.id"));
    }

    /** PHQ-9 or GAD-7 answers: every item {@code value}, with the given exceptions. */
    public static Map<String, Object> items(int count, int value, Map<String, Integer> except) {
        Map<String, Object> answers = new HashMap<>();
        for (int n = 1; n <= count; n++) {
            answers.put("item" + n, value);
        }
        answers.putAll(except);
        return Map.of("answers", answers);
    }

    /** Events of a type in the outbox whose payload names the id (ids, never content). */
    public static long outboxEvents(DatabaseClient database, String type, String property, UUID id) {
        return database.sql("""
                        select count(*) from eventing.outbox_event
                         where event_type = :type and convert_from(payload, 'UTF8')::jsonb ->> :property = :id""")
                .bind("type", type).bind("property", property).bind("id", id.toString())
                .map(row -> row.get(0, Long.class)).one().block();
    }

    /** Waits for a record on the exercises topic of the real broker. */
    public static ConsumerRecord<String, byte[]> awaitRecord(String type, Predicate<String> payload, Duration timeout) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "exercises-tests-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.EXERCISES));
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (type.equals(header(record, CloudEventHeaders.TYPE))
                            && payload.test(new String(record.value(), StandardCharsets.UTF_8))) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("no " + type + " event arrived within " + timeout);
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        assertThat(header).as("header %s", name).isNotNull();
        return new String(header.value(), StandardCharsets.UTF_8);
    }
}
