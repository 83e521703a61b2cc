package org.teletherapy.notes.note;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.events.Topics;
import org.teletherapy.notes.NotesFixture;
import org.teletherapy.testsupport.DemoUsers;
import org.teletherapy.testsupport.Infrastructure;
import org.teletherapy.testsupport.IntegrationTest;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.teletherapy.notes.NotesFixture.as;

/** Note text stays in the vault: not in logs (even at debug level), not in events, not in problems. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class NotesPrivacyTest {

    /** Loggers that would show request bodies, SQL parameters, events or decisions if anything leaked there. */
    private static final List<String> CHATTY = List.of("org.teletherapy", "org.springframework.web",
            "org.springframework.http", "org.springframework.r2dbc", "org.springframework.transaction",
            "org.springframework.security", "org.springframework.kafka", "io.r2dbc.postgresql.QUERY",
            "io.r2dbc.postgresql.PARAM", "reactor.netty.http.server");

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    @Autowired
    JsonMapper json;

    @Test
    void aFullLifeCycleLeavesNoNoteTextInTheLogs(CapturedOutput output) {
        String secret = "Suicidal-ideation-" + UUID.randomUUID();
        NotesFixture fixture = new NotesFixture(web, database);
        UUID session = fixture.completedSession(DemoUsers.THERAPIST1, UUID.randomUUID());
        Map<Logger, Level> previous = debugLogging();
        try {
            UUID note = created(post("/api/v1/notes", Map.of("sessionId", session, "kind", "progress",
                    "content", secret + " content", "structured", Map.of("format", "dap", "data", secret + " data")))
                    .expectStatus().isCreated());
            web.get().uri("/api/v1/notes/{id}", note).headers(as("therapist1")).exchange().expectStatus().isOk();
            put("/api/v1/notes/" + note, Map.of("content", secret + " revised")).expectStatus().isOk();
            put("/api/v1/notes/" + note, Map.of("content", secret + " stale", "version", 1)).expectStatus().isEqualTo(409);
            post("/api/v1/notes", Map.of("sessionId", session, "kind", "progress", "content", (secret + " ").repeat(3000)))
                    .expectStatus().isEqualTo(413);
            web.get().uri("/api/v1/notes/{id}", note).headers(as("therapist2")).exchange().expectStatus().isNotFound();
            fixture.sign("therapist1", note);
            post("/api/v1/notes/" + note + "/addenda", Map.of("content", secret + " addendum")).expectStatus().isCreated();
            web.get().uri("/api/v1/notes/{id}", note).headers(as("therapist1")).exchange().expectStatus().isOk();
            UUID draft = created(post("/api/v1/notes", Map.of("sessionId", session, "kind", "psychotherapy",
                    "content", secret + " process")).expectStatus().isCreated());
            database.sql("update note set content_ciphertext = set_byte(content_ciphertext, 40, get_byte(content_ciphertext, 40) # 1) "
                    + "where id = :id").bind("id", draft).then().block();
            web.get().uri("/api/v1/notes/{id}", draft).headers(as("therapist1")).exchange().expectStatus().isEqualTo(500);
            web.get().uri("/api/v1/notes/{id}/audit", note).headers(as("therapist1")).exchange().expectStatus().isOk();
        } finally {
            previous.forEach(Logger::setLevel);
        }

        assertThat(output.getAll()).as("the debug logs were captured").contains(session.toString());
        assertThat(output.getAll()).doesNotContain("Suicidal-ideation");
    }

    @Test
    void theNoteSignedEventCarriesIdsAndTimesOnly() {
        String secret = "Trauma-history-" + UUID.randomUUID();
        NotesFixture fixture = new NotesFixture(web, database);
        UUID client = UUID.randomUUID();
        UUID session = fixture.completedSession(DemoUsers.THERAPIST1, client);
        UUID note = fixture.writeNote("therapist1", session, "psychotherapy", secret);

        fixture.sign("therapist1", note);

        ConsumerRecord<String, byte[]> signed = awaitRecord(note);
        String payload = new String(signed.value(), StandardCharsets.UTF_8);
        assertThat(signed.key()).isEqualTo(client.toString());
        assertThat(header(signed, "ce_type")).isEqualTo("note.signed");
        assertThat(header(signed, "ce_subject")).isEqualTo(note.toString());
        assertThat(payload).contains("\"noteId\":\"" + note + "\"", "\"sessionId\":\"" + session + "\"",
                "\"therapistId\":\"" + DemoUsers.THERAPIST1 + "\"", "\"kind\":\"psychotherapy\"", "\"occurredAt\"");
        assertThat(payload).doesNotContain("Trauma", "content");
    }

    /** Bodies leave the test as bytes: the test's own client would log a Map it encodes at debug level. */
    private WebTestClient.ResponseSpec post(String path, Map<String, Object> body) {
        return web.post().uri(path).headers(as("therapist1")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json.writeValueAsBytes(body)).exchange();
    }

    private WebTestClient.ResponseSpec put(String path, Map<String, Object> body) {
        return web.put().uri(path).headers(as("therapist1")).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json.writeValueAsBytes(body)).exchange();
    }

    private UUID created(WebTestClient.ResponseSpec response) {
        return UUID.fromString(json.readTree(response.expectBody(byte[].class).returnResult().getResponseBody())
                .get("id").asString());
    }

    private static ConsumerRecord<String, byte[]> awaitRecord(UUID note) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "notes-privacy-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(Topics.NOTES));
            Map<String, ConsumerRecord<String, byte[]>> found = new HashMap<>();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (found.isEmpty() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (note.toString().equals(header(record, "ce_subject"))) {
                        found.put("record", record);
                    }
                }
            }
            await().atMost(Duration.ofSeconds(1)).until(() -> !found.isEmpty());
            return found.get("record");
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Map<Logger, Level> debugLogging() {
        Map<Logger, Level> previous = new HashMap<>();
        for (String name : CHATTY) {
            Logger logger = (Logger) LoggerFactory.getLogger(name);
            previous.put(logger, logger.getLevel());
            logger.setLevel(Level.DEBUG);
        }
        return previous;
    }
}
