package org.teletherapy.web.console;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClientConfigurer;
import org.teletherapy.web.SignedInPageTest;
import org.teletherapy.web.StandInApi.Answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

/** The operator console against what the gateway's overview, sessions-service and notes-service answer. */
class ConsolePageTest extends SignedInPageTest {

    private static final String OVERVIEW = """
            {"status":"DEGRADED","checkedAt":"2026-12-01T09:00:00Z","gateway":"UP","keycloak":"UP",
             "services":[
               {"service":"sessions-service","status":"UP","database":"UP","kafka":"UP",
                "pipeline":{"outboxBacklog":0,"outboxOldestAgeSeconds":0,"consumerLag":0,"deadLetters":0}},
               {"service":"notes-service","status":"DEGRADED","database":"UP","kafka":"DOWN",
                "pipeline":{"outboxBacklog":42,"outboxOldestAgeSeconds":95,"consumerLag":3,"deadLetters":2}},
               {"service":"exercises-service","status":"DOWN","database":"UNKNOWN","kafka":"UNKNOWN",
                "pipeline":{"outboxBacklog":null,"outboxOldestAgeSeconds":null,"consumerLag":null,"deadLetters":null}}],
             "scheduling":{"sessionsBooked":12,"sessionsCancelled":null}}""";

    @Test
    void thePlatformPageShowsEveryComponentsStateTheEventPipelineAndTheCounts() {
        API.answer("/api/v1/ops/overview", Answer.json(OVERVIEW));

        Document page = get("/console");

        assertThat(page.select(".overall .state").text()).isEqualTo("Degraded");
        assertThat(page.select(".components li").eachText()).containsExactly("gateway Up", "keycloak Up",
                "sessions-service Up", "notes-service Degraded", "exercises-service Down");
        assertThat(page.select(".pipeline tbody tr").eachText()).containsExactly(
                "sessions-service Up Up 0 0 s 0 0",
                "notes-service Up Down 42 95 s 3 2",
                "exercises-service Unknown Unknown unknown unknown unknown unknown");
        assertThat(page.select(".pipeline td.attention").text()).isEqualTo("2");
        assertThat(page.select(".figure-groups dl").text()).isEqualTo("scheduling sessionsBooked 12 sessionsCancelled unknown");
        assertThat(page.select("#platform-status").attr("hx-trigger")).isEqualTo("every 15s");
        assertThat(page.select(".tools a").eachAttr("href")).containsExactly("http://127.0.0.1:9411/zipkin/");
        assertThat(API.tokenSentTo("/api/v1/ops/overview")).isEqualTo("Bearer client1-access-token");
    }

    @Test
    void theStatusRefreshesAsAFragmentAndSaysWhenTheOverviewDoesNotAnswer() {
        API.answer("/api/v1/ops/overview", Answer.problem(503, "service-unavailable"));

        Document fragment = get("/console/status");

        assertThat(fragment.select("#platform-status .notice").text()).startsWith("The gateway’s overview does not answer");
        assertThat(fragment.select("header, footer")).isEmpty();
    }

    @Test
    void creatingATherapistSendsTheFormAndSaysSoWithoutRepeatingWho() {
        API.answer("POST /api/v1/accounts/therapists", new Answer(201, "application/json",
                "{\"therapistId\":\"2f1d5a0e-6b0a-4c1e-9a51-000000000999\",\"name\":\"Nora Berg\"}"));

        web.mutateWith(operator()).mutateWith(csrf()).post().uri("/console/accounts")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .bodyValue("firstName=Nora&lastName=Berg&email=nora.berg%40example.org").exchange()
                .expectStatus().is3xxRedirection().expectHeader().location("/console/accounts?created");
        assertThat(API.bodySentTo("POST", "/api/v1/accounts/therapists"))
                .isEqualTo("{\"firstName\":\"Nora\",\"lastName\":\"Berg\",\"email\":\"nora.berg@example.org\"}");

        Document created = get("/console/accounts?created");
        assertThat(created.select("[role=status]").text()).startsWith("The account is created.");
        assertThat(created.text()).doesNotContain("Nora", "Berg");
    }

    @Test
    void aRefusedAccountKeepsWhatWasTypedWithTheReasonBesideTheField() {
        API.answer("POST /api/v1/accounts/therapists", new Answer(400, "application/problem+json", """
                {"type":"urn:teletherapy:problem:validation","title":"Invalid request","status":400,
                 "detail":"The request has invalid fields.",
                 "errors":[{"field":"email","code":"Email","message":"must be a well-formed email address"}]}"""));

        Document page = post("firstName=Nora&lastName=Berg&email=nora-at-example");

        assertThat(page.select("#email-error").text()).isEqualTo("must be a well-formed email address");
        assertThat(page.select("#email").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#firstName").val()).isEqualTo("Nora");

        API.answer("POST /api/v1/accounts/therapists", new Answer(409, "application/problem+json", """
                {"type":"urn:teletherapy:problem:account-exists","title":"Account exists","status":409,
                 "detail":"An account with this e-mail address exists."}"""));
        assertThat(post("firstName=Nora&lastName=Berg&email=nora%40example.org").select("[role=alert]").text())
                .isEqualTo("An account with this e-mail address exists.");
    }

    @Test
    void theAuditPageSaysWhetherTheChainIsIntactAndWhereItBreaks() {
        API.answer("/api/v1/notes/audit/verification", Answer.json(
                "{\"valid\":true,\"entries\":120,\"firstBrokenSequence\":null,\"firstBrokenEntryId\":null,\"problem\":null}"));
        assertThat(get("/console/audit").select(".overall").text()).isEqualTo("Intact: all 120 entries checked.");

        API.answer("/api/v1/notes/audit/verification", Answer.json(
                "{\"valid\":false,\"entries\":120,\"firstBrokenSequence\":17,\"firstBrokenEntryId\":\"e0000000-0000-4000-8000-000000000017\",\"problem\":\"hash-mismatch\"}"));
        Document broken = get("/console/audit");
        assertThat(broken.select(".overall[role=alert]").text()).isEqualTo(
                "Broken: of 120 entries, the chain breaks at entry number 17. That entry was changed after it was written.");
        assertThat(broken.text()).doesNotContain("e0000000-0000-4000-8000-000000000017");
        assertThat(broken.select("a[download]").attr("href")).isEqualTo("/console/audit/export");
    }

    @Test
    void theExportIsOneFhirBundleOfEveryPageAsAFileToKeep() {
        StringBuilder firstPage = new StringBuilder();
        for (int sequence = 1; sequence <= 1000; sequence++) {
            firstPage.append(sequence == 1 ? "" : ",").append(entry(sequence));
        }
        API.answer("/api/v1/notes/audit/fhir?after=0&limit=1000", fhirJson(bundle(firstPage.toString())));
        API.answer("/api/v1/notes/audit/fhir?after=1000&limit=1000", fhirJson(bundle(entry(1001) + "," + entry(1002))));

        EntityExchangeResult<String> export = web.mutateWith(operator()).get().uri("/console/audit/export").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("application/fhir+json")
                .expectHeader().value("Content-Disposition", value -> assertThat(value)
                        .startsWith("attachment; filename=\"notes-audit-events-").endsWith(".fhir.json\""))
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody(String.class).returnResult();

        assertThat(export.getResponseBody()).startsWith("{\"resourceType\":\"Bundle\",\"type\":\"collection\"")
                .contains("\"valueString\":\"1\"", "\"valueString\":\"1000\"", "\"valueString\":\"1002\"");
        assertThat(export.getResponseBody().split("\"resourceType\":\"AuditEvent\"")).hasSize(1003);
    }

    @Test
    void theConsoleIsRefusedToTherapistsAndClients() {
        for (WebTestClientConfigurer who : new WebTestClientConfigurer[] {client(), therapist()}) {
            for (String path : new String[] {"/console", "/console/accounts", "/console/audit", "/console/audit/export"}) {
                web.mutateWith(who).get().uri(path).exchange().expectStatus().isForbidden();
            }
        }
        assertThat(API.tokenSentTo("/api/v1/ops/overview")).isNull();
    }

    @Test
    void anOperatorsHomeIsTheConsole() {
        web.mutateWith(operator()).get().uri("/").exchange()
                .expectStatus().is3xxRedirection().expectHeader().location("/console");
    }

    private static String entry(long sequence) {
        return "{\"resource\":{\"resourceType\":\"AuditEvent\",\"entity\":[{\"detail\":[{\"type\":\"sequence\",\"valueString\":\""
                + sequence + "\"}]}]}}";
    }

    private static String bundle(String entries) {
        return "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"timestamp\":\"2026-12-01T09:00:00Z\",\"entry\":["
                + entries + "]}";
    }

    private static Answer fhirJson(String body) {
        return new Answer(200, "application/fhir+json", body);
    }

    private Document get(String path) {
        return Jsoup.parse(web.mutateWith(operator()).get().uri(path).cookie("lang", "en").cookie("tz", "Europe/Berlin")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    private Document post(String form) {
        return Jsoup.parse(web.mutateWith(operator()).mutateWith(csrf()).post().uri("/console/accounts")
                .header("Content-Type", "application/x-www-form-urlencoded").bodyValue(form).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    private WebTestClientConfigurer operator() {
        return signedInAs(SUBJECT, "ROLE_OPERATOR");
    }
}
