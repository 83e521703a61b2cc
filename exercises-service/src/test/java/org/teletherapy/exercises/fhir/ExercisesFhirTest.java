package org.teletherapy.exercises.fhir;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.exercises.ExercisesApiTestBase;
import org.teletherapy.testsupport.DemoUsers;
import org.teletherapy.testsupport.fhir.FhirValidation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teletherapy.exercises.ExercisesFixtures.GAD_7;
import static org.teletherapy.exercises.ExercisesFixtures.JOURNAL;
import static org.teletherapy.exercises.ExercisesFixtures.PHQ_9;
import static org.teletherapy.exercises.ExercisesFixtures.as;
import static org.teletherapy.exercises.ExercisesFixtures.assign;
import static org.teletherapy.exercises.ExercisesFixtures.idOf;
import static org.teletherapy.exercises.ExercisesFixtures.items;

/**
 * The FHIR R4 searches of exercises-service on real PostgreSQL and Kafka, every answer checked by HAPI FHIR's
 * validator: client1's homework and questionnaires as QuestionnaireResponses, their PHQ-9 and GAD-7 scores as
 * Observations with LOINC codes and bands, and who may not read them.
 */
class ExercisesFhirTest extends ExercisesApiTestBase {

    static final MediaType FHIR = MediaType.valueOf("application/fhir+json");
    static final String CLIENT1 = "Patient/" + DemoUsers.CLIENT1;
    static final JsonMapper JSON = JsonMapper.builder().build();

    static final Map<String, Object> JOURNAL_ENTRY = Map.of("answers", Map.of(
            "moment", "We talked about the weekend plans and I said I felt left out.",
            "said-it", true,
            "feeling", "uneasy",
            "safety", 6));

    @Test
    void client1sHandInsAreValidQuestionnaireResponsesWithTheirAnswersAndQuestionnaire() {
        UUID journal = handIn(JOURNAL, JOURNAL_ENTRY);
        UUID phq9 = handIn(PHQ_9, items(9, 1, Map.of("item9", 0)));

        String bundle = search("/fhir/r4/QuestionnaireResponse?patient=" + CLIENT1, "client1")
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith(FHIR)
                .expectBody(String.class).returnResult().getResponseBody();

        System.out.println("QuestionnaireResponse searchset, validator: " + FhirValidation.assertValid(bundle));
        JsonNode journalResponse = resource(bundle, journal);
        assertThat(journalResponse.path("status").asString()).isEqualTo("completed");
        assertThat(journalResponse.path("subject").path("reference").asString()).isEqualTo(CLIENT1);
        assertThat(journalResponse.path("questionnaire").asString()).endsWith("/Questionnaire/" + JOURNAL);
        assertThat(answer(journalResponse, "moment").path("valueString").asString()).contains("weekend plans");
        assertThat(answer(journalResponse, "said-it").path("valueBoolean").asBoolean()).isTrue();
        assertThat(answer(journalResponse, "safety").path("valueInteger").asInt()).isEqualTo(6);
        assertThat(answer(journalResponse, "feeling").path("valueCoding").path("code").asString()).isEqualTo("uneasy");
        JsonNode phq9Response = resource(bundle, phq9);
        assertThat(phq9Response.path("questionnaire").asString()).isEqualTo("http://loinc.org/q/44249-1");
        assertThat(answer(phq9Response, "item1").path("valueCoding").path("code").asString()).isEqualTo("1");
    }

    @Test
    void aHandInWhoseAnswersFailTheirIntegrityCheckIsListedWithoutThemAndAWarningAndTheRestStayReadable() {
        UUID damaged = handIn(JOURNAL, JOURNAL_ENTRY);
        UUID intact = handIn(JOURNAL, JOURNAL_ENTRY);
        byte[] stored = database.sql("select answers from submission where id = :id").bind("id", damaged)
                .map(row -> row.get("answers", byte[].class)).one().block();
        assertThat(stored).isNotNull();
        stored[stored.length - 1] ^= 0x01;
        database.sql("update submission set answers = :a where id = :id").bind("a", stored).bind("id", damaged)
                .then().block();

        String bundle = search("/fhir/r4/QuestionnaireResponse?patient=" + CLIENT1, "client1")
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        FhirValidation.assertValid(bundle);
        assertThat(resource(bundle, damaged).path("item").isEmpty()).isTrue();
        assertThat(resource(bundle, damaged).path("meta").path("tag").get(0).path("code").asString())
                .isEqualTo("answers-unreadable");
        assertThat(resource(bundle, intact).path("meta").isMissingNode()).isTrue();
        assertThat(answer(resource(bundle, intact), "moment").path("valueString").asString()).contains("weekend plans");
        JsonNode outcome = outcome(bundle);
        assertThat(outcome.path("issue").get(0).path("severity").asString()).isEqualTo("warning");
        assertThat(outcome.path("issue").get(0).path("code").asString()).isEqualTo("incomplete");
        assertThat(outcome.path("issue").findValuesAsString("diagnostics"))
                .anySatisfy(text -> assertThat(text).contains("QuestionnaireResponse/" + damaged));
        // The outcome is about the search, not one of its matches.
        assertThat(JSON.readTree(bundle).path("total").asInt())
                .isEqualTo(JSON.readTree(bundle).path("entry").size() - 1);
    }

    @Test
    void scoresAreValidObservationsOfTheLoincTotalWithTheBandAndTheSearchByCodeKeepsToOneInstrument() {
        UUID phq9 = handIn(PHQ_9, items(9, 1, Map.of("item9", 0)));
        UUID gad7 = handIn(GAD_7, items(7, 2, Map.of()));

        String phq = search("/fhir/r4/Observation?patient=" + CLIENT1 + "&code=http://loinc.org|44249-1", "client1")
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        System.out.println("Observation searchset (PHQ-9), validator: " + FhirValidation.assertValid(phq));
        JsonNode score = resource(phq, phq9);
        assertThat(score.path("code").path("coding").get(0).path("system").asString()).isEqualTo("http://loinc.org");
        assertThat(score.path("code").path("coding").get(0).path("code").asString()).isEqualTo("44261-6");
        assertThat(score.path("valueInteger").asInt()).isEqualTo(8);
        assertThat(score.path("interpretation").get(0).path("text").asString()).isEqualTo("Mild depression symptoms");
        assertThat(score.path("derivedFrom").get(0).path("reference").asString()).isEqualTo("QuestionnaireResponse/" + phq9);
        assertThat(phq).doesNotContain(gad7.toString()).doesNotContain("70274-6");

        String gad = search("/fhir/r4/Observation?patient=" + CLIENT1 + "&code=69737-5", "client1")
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        FhirValidation.assertValid(gad);
        assertThat(resource(gad, gad7).path("valueInteger").asInt()).isEqualTo(14);
        assertThat(resource(gad, gad7).path("interpretation").get(0).path("coding").get(0).path("code").asString())
                .isEqualTo("moderate");
        assertThat(gad).doesNotContain("44261-6");

        // Their therapist reads the same; an unknown code is refused rather than ignored.
        search("/fhir/r4/Observation?patient=" + CLIENT1, "therapist1").expectStatus().isOk();
        search("/fhir/r4/Observation?patient=" + CLIENT1 + "&code=1234-5", "client1").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(FHIR)
                .expectBody().jsonPath("$.resourceType").isEqualTo("OperationOutcome");
    }

    @Test
    void anotherTherapistsClientIsNotFoundAndAnOperatorReadsNone() {
        handIn(JOURNAL, JOURNAL_ENTRY);

        for (String type : List.of("QuestionnaireResponse", "Observation")) {
            search("/fhir/r4/" + type + "?patient=" + CLIENT1, "therapist2").expectStatus().isNotFound()
                    .expectBody().jsonPath("$.issue[0].code").isEqualTo("not-found");
            search("/fhir/r4/" + type + "?patient=Patient/" + DemoUsers.CLIENT3, "therapist1").expectStatus().isNotFound();
            search("/fhir/r4/" + type + "?patient=Patient/" + DemoUsers.CLIENT2, "client1").expectStatus().isNotFound();
            search("/fhir/r4/" + type + "?patient=" + CLIENT1, "operator1").expectStatus().isForbidden()
                    .expectBody().jsonPath("$.issue[0].code").isEqualTo("forbidden");
        }
        String metadata = web.get().uri("/fhir/r4/metadata").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        FhirValidation.assertValid(metadata);
        assertThat(metadata).contains("QuestionnaireResponse").contains("Observation");
    }

    private UUID handIn(UUID template, Map<String, Object> answers) {
        UUID assignment = assign(web, "therapist1", DemoUsers.CLIENT1, template);
        return idOf(web.post().uri("/api/v1/assignments/" + assignment + "/submissions").headers(as("client1"))
                .bodyValue(answers).exchange().expectStatus().isCreated().expectBody().returnResult().getResponseBody());
    }

    private WebTestClient.ResponseSpec search(String uri, String user) {
        return web.get().uri(uri).headers(as(user)).exchange();
    }

    private static JsonNode resource(String bundle, UUID id) {
        for (JsonNode entry : JSON.readTree(bundle).path("entry")) {
            if (entry.path("resource").path("id").asString().equals(id.toString())) {
                return entry.path("resource");
            }
        }
        throw new AssertionError("no resource " + id + " in the bundle");
    }

    private static JsonNode outcome(String bundle) {
        for (JsonNode entry : JSON.readTree(bundle).path("entry")) {
            if (entry.path("search").path("mode").asString().equals("outcome")) {
                return entry.path("resource");
            }
        }
        throw new AssertionError("no OperationOutcome in the bundle");
    }

    private static JsonNode answer(JsonNode response, String linkId) {
        for (JsonNode item : response.path("item")) {
            if (item.path("linkId").asString().equals(linkId)) {
                return item.path("answer").get(0);
            }
        }
        throw new AssertionError("no item " + linkId);
    }
}
