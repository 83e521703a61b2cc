package org.teletherapy.web.mydata;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.teletherapy.testsupport.fhir.FhirValidation;
import org.teletherapy.web.SignedInPageTest;
import org.teletherapy.web.StandInApi.Answer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * "Download my data" and "Who saw my record" against stand-in FHIR answers shaped as the services give them: the
 * page says what the resources say, the download is one valid FHIR collection Bundle of all of them.
 */
class MyDataPageTest extends SignedInPageTest {

    static final String BASE = "http://localhost:8080/fhir/r4";
    static final String NOTE_TEXT = "We worked on sleep. Next: keep the diary.";

    @BeforeEach
    void theServicesAnswerClient1sRecord() {
        String patient = "Patient/" + SUBJECT;
        API.answer("/fhir/r4/Patient/" + SUBJECT, fhir("""
                {"resourceType":"Patient","id":"%s","active":true,
                 "name":[{"use":"official","text":"Clara Meyer","family":"Meyer","given":["Clara"]}],
                 "telecom":[{"system":"email","value":"client1@example.org","use":"home"}]}""".formatted(SUBJECT)));
        API.answer("/fhir/r4/Practitioner/" + THERAPIST, fhir("""
                {"resourceType":"Practitioner","id":"%s","active":true,
                 "name":[{"use":"official","text":"Theresa Lindqvist","family":"Lindqvist","given":["Theresa"]}]}"""
                .formatted(THERAPIST)));
        API.answer("/fhir/r4/Appointment", searchset("Appointment", """
                {"resourceType":"Appointment","id":"6a000000-0000-4000-8000-000000000001","status":"cancelled",
                 "cancelationReason":{"coding":[{"system":"urn:teletherapy:cancellation-reason","code":"illness"}],
                                      "text":"Illness (cancelled by client)"},
                 "start":"2026-12-08T09:00:00Z","end":"2026-12-08T09:50:00Z",
                 "participant":[{"actor":{"reference":"Practitioner/%s"},"required":"required","status":"accepted"},
                                {"actor":{"reference":"%s"},"required":"required","status":"declined"}]}"""
                .formatted(THERAPIST, patient)));
        API.answer("/fhir/r4/QuestionnaireResponse", searchset("QuestionnaireResponse", """
                {"resourceType":"QuestionnaireResponse","id":"6b000000-0000-4000-8000-000000000001",
                 "questionnaire":"http://loinc.org/q/44249-1","status":"completed","subject":{"reference":"%s"},
                 "authored":"2026-12-01T18:00:00Z",
                 "item":[{"linkId":"item1","text":"Little interest or pleasure in doing things",
                          "answer":[{"valueCoding":{"system":"urn:teletherapy:answer:item1","code":"1","display":"Several days"}}]}]}"""
                .formatted(patient)));
        API.answer("/fhir/r4/Observation", searchset("Observation", """
                {"resourceType":"Observation","id":"6b000000-0000-4000-8000-000000000001","status":"final",
                 "code":{"coding":[{"system":"http://loinc.org","code":"44261-6"}],"text":"PHQ-9 total score"},
                 "subject":{"reference":"%s"},"effectiveDateTime":"2026-12-01T18:00:00Z","valueInteger":7,
                 "interpretation":[{"coding":[{"system":"urn:teletherapy:severity","code":"mild"}],"text":"Mild depression symptoms"}],
                 "derivedFrom":[{"reference":"QuestionnaireResponse/6b000000-0000-4000-8000-000000000001"}]}"""
                .formatted(patient)));
        API.answer("/fhir/r4/DocumentReference", searchset("DocumentReference", """
                {"resourceType":"DocumentReference","id":"6c000000-0000-4000-8000-000000000001","status":"current",
                 "docStatus":"final","subject":{"reference":"%s"},"date":"2026-12-01T10:00:00Z",
                 "author":[{"reference":"Practitioner/%s"}],
                 "content":[{"attachment":{"contentType":"text/plain","data":"%s"}}]}"""
                .formatted(patient, THERAPIST, Base64.getEncoder().encodeToString(NOTE_TEXT.getBytes(StandardCharsets.UTF_8)))));
    }

    @Test
    void theSummarySaysWhatTheRecordHoldsInWordsAndLinksTheDownload() {
        Document page = page("/my-data");

        assertThat(page.select("h1").text()).isEqualTo("My data");
        assertThat(page.select(".answers-read").first().text()).contains("Clara Meyer").contains("client1@example.org");
        assertThat(page.select("table.sessions tbody tr").eachText()).singleElement().asString()
                .contains("Theresa Lindqvist").contains("Cancelled").contains("Illness (cancelled by client)");
        assertThat(page.select("table.scores tbody tr").text()).contains("PHQ-9 total score").contains("7")
                .contains("Mild depression symptoms");
        assertThat(page.select("article.response").text()).contains("PHQ-9").contains("Several days");
        assertThat(page.select("article.note").text()).contains(NOTE_TEXT).contains("Theresa Lindqvist");
        assertThat(page.select("a[href='/my-data/record.json']").text()).isEqualTo("Download my data (FHIR, JSON)");
        assertThat(page.text()).contains("psychotherapy notes");
        assertThat(page.select("header nav a[href='/my-data']").text()).isEqualTo("My data");
        assertThat(API.tokenSentTo("/fhir/r4/DocumentReference")).isEqualTo("Bearer client1-access-token");
        assertThat(API.querySentTo("GET", "/fhir/r4/Observation")).isEqualTo("patient=Patient/" + SUBJECT);
    }

    @Test
    void theDownloadIsOneValidCollectionBundleOfEveryResourceAsAFile() {
        EntityExchangeResult<String> download = web.mutateWith(client()).get().uri("/my-data/record.json").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.valueOf("application/fhir+json"))
                .expectHeader().value("Content-Disposition", disposition -> assertThat(disposition)
                        .startsWith("attachment").contains("filename=\"my-record-").contains(".json"))
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody(String.class).returnResult();

        String bundle = download.getResponseBody();
        System.out.println("Composed collection Bundle, validator: " + FhirValidation.assertValid(bundle));
        JsonNode parsed = JsonMapper.builder().build().readTree(bundle);
        assertThat(parsed.path("type").asString()).isEqualTo("collection");
        List<String> types = new ArrayList<>();
        parsed.path("entry").forEach(entry -> {
            types.add(entry.path("resource").path("resourceType").asString());
            assertThat(entry.path("fullUrl").asString()).startsWith(BASE + "/" + entry.path("resource").path("resourceType").asString() + "/");
        });
        assertThat(types).containsExactly("Patient", "Practitioner", "Appointment", "QuestionnaireResponse",
                "Observation", "DocumentReference");
    }

    @Test
    void aHandInListedWithoutItsAnswersIsSaidSoOnThePageAndTheDownloadKeepsTheWarning() {
        String patient = "Patient/" + SUBJECT;
        String damaged = "6b000000-0000-4000-8000-000000000002";
        API.answer("/fhir/r4/QuestionnaireResponse", fhir("""
                {"resourceType":"Bundle","type":"searchset","total":1,
                 "link":[{"relation":"self","url":"%s/QuestionnaireResponse?patient=%s"}],
                 "entry":[{"fullUrl":"%s/QuestionnaireResponse/%s","search":{"mode":"match"},
                   "resource":{"resourceType":"QuestionnaireResponse","id":"%s",
                     "meta":{"tag":[{"system":"urn:teletherapy:record-state","code":"answers-unreadable"}]},
                     "questionnaire":"http://loinc.org/q/44249-1","status":"completed","subject":{"reference":"%s"},
                     "authored":"2026-12-01T18:00:00Z"}},
                  {"fullUrl":"urn:uuid:6d000000-0000-4000-8000-000000000001","search":{"mode":"outcome"},
                   "resource":{"resourceType":"OperationOutcome","id":"6d000000-0000-4000-8000-000000000001",
                     "issue":[{"severity":"warning","code":"incomplete",
                               "diagnostics":"The answers of QuestionnaireResponse/%s failed their integrity check."}]}}]}"""
                .formatted(BASE, patient, BASE, damaged, damaged, patient, damaged)));

        Document page = page("/my-data");
        assertThat(page.select("[role=status]").text()).contains("One hand-in is listed without answers");
        assertThat(page.select("article.response").text()).contains("PHQ-9")
                .contains("The answers cannot be shown: their stored copy failed an integrity check.");
        assertThat(page.select("article.response dl")).isEmpty();

        String bundle = web.mutateWith(client()).get().uri("/my-data/record.json").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        FhirValidation.assertValid(bundle);
        List<String> types = new ArrayList<>();
        JsonMapper.builder().build().readTree(bundle).path("entry")
                .forEach(entry -> types.add(entry.path("resource").path("resourceType").asString()));
        assertThat(types).containsExactly("Patient", "Practitioner", "Appointment", "QuestionnaireResponse",
                "Observation", "DocumentReference", "OperationOutcome");
    }

    @Test
    void aServiceThatIsDownMeansNoHalfRecordIsHandedOut() {
        API.answer("/fhir/r4/DocumentReference", Answer.problem(503, "service-unavailable"));

        Document page = page("/my-data");
        assertThat(page.select("[role=status]").text()).contains("cannot be fetched right now");
        assertThat(page.select("table.sessions")).isEmpty();

        web.mutateWith(client()).get().uri("/my-data/record.json").exchange()
                .expectStatus().value(status -> assertThat(status).isGreaterThanOrEqualTo(500));
    }

    @Test
    void whoSawMyRecordNamesTheTherapistAndSaysPlainlyWhatIsNotLogged() {
        API.answer("/api/v1/notes/access-log", Answer.json("""
                [{"at":"2026-12-01T10:05:00Z","actorRole":"therapist","actorId":"%s","you":false,"action":"R",
                  "activity":"note.read","noteId":"6c000000-0000-4000-8000-000000000001","outcome":"success"},
                 {"at":"2026-12-01T09:00:00Z","actorRole":"client","actorId":null,"you":true,"action":"R",
                  "activity":"note.export","noteId":null,"outcome":"success"},
                 {"at":"2026-11-30T09:00:00Z","actorRole":"operator","actorId":"2f1d5a0e-6b0a-4c1e-9a51-000000000301","you":false,"action":"E",
                  "activity":"something.new","noteId":null,"outcome":"denied"}]""".formatted(THERAPIST)));

        Document page = page("/my-data/access");

        assertThat(page.select("h1").text()).isEqualTo("Who saw my record");
        assertThat(page.select("table.access tbody tr").eachText()).containsExactly(
                "Tuesday, December 1, 2026, 10:05 AM Therapist (Theresa Lindqvist) Read a progress note Done",
                "Tuesday, December 1, 2026, 9:00 AM You Exported your progress notes Done",
                "Monday, November 30, 2026, 9:00 AM Operator Another access to your notes Refused or failed");
        assertThat(page.text()).contains("reading them is not logged");
    }

    @Test
    void onlyAClientHasTheseRecordPages() {
        for (String path : List.of("/my-data", "/my-data/record.json", "/my-data/access")) {
            web.mutateWith(therapist()).get().uri(path).exchange().expectStatus().isForbidden();
        }
    }

    private Document page(String path) {
        return Jsoup.parse(web.mutateWith(client()).get().uri(path).header("Accept-Language", "en").cookie("tz", "UTC")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    private static Answer fhir(String json) {
        return new Answer(200, "application/fhir+json", json);
    }

    private static Answer searchset(String type, String resource) {
        String id = resource.replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
        return fhir("""
                {"resourceType":"Bundle","type":"searchset","total":1,
                 "link":[{"relation":"self","url":"%s/%s?patient=Patient/%s"}],
                 "entry":[{"fullUrl":"%s/%s/%s","resource":%s,"search":{"mode":"match"}}]}"""
                .formatted(BASE, type, SUBJECT, BASE, type, id, resource));
    }
}
