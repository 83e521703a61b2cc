package org.teletherapy.notes.keys;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.notes.NotesFixture;
import org.teletherapy.testsupport.DemoUsers;
import org.teletherapy.testsupport.IntegrationTest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.teletherapy.notes.NotesFixture.as;

/** A new master key version: client keys are rewrapped in the background, and every note stays readable. */
@IntegrationTest
class KeyRotationTest {

    @LocalManagementPort
    int managementPort;

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    @Test
    void aRotationRewrapsTheClientKeysWhileNotesStayReadable() {
        NotesFixture fixture = new NotesFixture(web, database);
        List<UUID> notes = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            UUID session = fixture.completedSession(DemoUsers.THERAPIST1, UUID.randomUUID());
            notes.add(fixture.writeNote("therapist1", session, "progress", "note " + i));
        }
        String before = status().get("masterKeyVersion").toString();

        Map<?, ?> rotated = web.post().uri("/api/v1/notes/keys/rotation").headers(as("operator1")).exchange()
                .expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody();
        String after = rotated.get("masterKeyVersion").toString();
        assertThat(after).isNotEqualTo(before);

        // Reads go on while the background job rewraps.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (int i = 0; i < notes.size(); i++) {
                web.get().uri("/api/v1/notes/{id}", notes.get(i)).headers(as("therapist1")).exchange()
                        .expectStatus().isOk().expectBody().jsonPath("$.content").isEqualTo("note " + i);
            }
            assertThat(((Number) status().get("pendingRewrap")).longValue()).isZero();
        });
        assertThat(status().get("rewrapProgress")).isEqualTo(1.0);
        Long underOldVersion = database.sql("select count(*) from crypto.client_keyset where wrapped_keyset is not null "
                + "and master_key_version <> :current").bind("current", after).map(row -> row.get(0, Long.class)).one().block();
        assertThat(underOldVersion).isZero();
        UUID laterSession = fixture.completedSession(DemoUsers.THERAPIST1, UUID.randomUUID());
        UUID later = fixture.writeNote("therapist1", laterSession, "progress", "after the rotation");
        web.get().uri("/api/v1/notes/{id}", later).headers(as("therapist1")).exchange()
                .expectBody().jsonPath("$.content").isEqualTo("after the rotation");
        String metrics = WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + managementPort).build()
                .get().uri("/actuator/prometheus?includedNames=teletherapy_crypto_rewrap_progress").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("teletherapy_crypto_rewrap_progress{keyring=\"client_keyset\"} 1.0");
    }

    @Test
    void onlyOperatorsRotateAndTheySeeFiguresOnly() {
        web.post().uri("/api/v1/notes/keys/rotation").headers(as("therapist1")).exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/notes/keys").headers(as("operator1")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.masterKeyVersion").isNotEmpty()
                .jsonPath("$.activeKeysets").isNumber();
    }

    private Map<?, ?> status() {
        return web.get().uri("/api/v1/notes/keys").headers(as("operator1")).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }
}
