package org.teletherapy.exercises.vault;

import org.teletherapy.exercises.ExercisesApiTestBase;
import org.junit.jupiter.api.Test;
import org.teletherapy.testsupport.DemoUsers;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teletherapy.exercises.ExercisesFixtures.JOURNAL;
import static org.teletherapy.exercises.ExercisesFixtures.as;
import static org.teletherapy.exercises.ExercisesFixtures.assign;
import static org.teletherapy.exercises.ExercisesFixtures.idOf;

/** Answers changed in the database behind the service's back are named as such, as notes-service names notes. */
class TamperedContentTest extends ExercisesApiTestBase {

    @Test
    void tamperedAnswersAnswerAnIntegrityProblemNotAGeneric500() {
        UUID assignment = assign(web, "therapist1", DemoUsers.CLIENT1, JOURNAL);
        UUID response = idOf(web.post().uri("/api/v1/assignments/" + assignment + "/submissions").headers(as("client1"))
                .bodyValue(Map.of("answers", Map.of("moment", "At lunch.", "said-it", true, "feeling", "calm", "safety", 7)))
                .exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody());
        byte[] stored = database.sql("select answers from submission where id = :id").bind("id", response)
                .map(row -> row.get("answers", byte[].class)).one().block();
        assertThat(stored).isNotNull();
        stored[stored.length - 1] ^= 0x01;
        database.sql("update submission set answers = :a where id = :id").bind("a", stored).bind("id", response)
                .then().block();

        String answer = new String(web.get().uri("/api/v1/assignments/" + assignment + "/submissions").headers(as("therapist1"))
                .exchange().expectStatus().isEqualTo(500)
                .expectHeader().contentType("application/problem+json")
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:content-integrity-failure")
                .returnResult().getResponseBody());
        assertThat(answer).doesNotContain("lunch").doesNotContain("calm").doesNotContain("Exception");
    }
}
