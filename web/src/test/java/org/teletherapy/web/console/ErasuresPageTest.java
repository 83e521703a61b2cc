package org.teletherapy.web.console;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClientConfigurer;
import org.teletherapy.web.SignedInPageTest;
import org.teletherapy.web.StandInApi.Answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

/** The console's erasures against what sessions-service answers: start, confirm, and the state of each part. */
class ErasuresPageTest extends SignedInPageTest {

    private static final String CLIENT = "2f1d5a0e-6b0a-4c1e-9a51-000000000277";
    private static final String ERASURE = "e7a5e000-0000-4000-8000-000000000001";
    private static final String FORM = "clientId=" + CLIENT + "&reason=consent-withdrawn&reference=DSR-77";

    @Test
    void startingAnErasureAsksForConfirmationFirstAndSaysWhatWillHappen() {
        Document confirm = post("/console/erasures/confirm", FORM);

        assertThat(confirm.select("h1").text()).isEqualTo("Erase this client?");
        assertThat(confirm.select("[role=alert]").text()).startsWith("An erasure cannot be undone.");
        assertThat(confirm.select(".consequences li")).hasSize(5);
        assertThat(confirm.select(".consequences").text()).contains("disabled at once", "future sessions are cancelled",
                "keys are deleted", "must keep records for a period");
        assertThat(confirm.select("input[type=hidden][name=clientId]").val()).isEqualTo(CLIENT);
        assertThat(confirm.select("input[name=confirmed][required]")).hasSize(1);
        assertThat(confirm.select("form.confirm-erasure").attr("action")).isEqualTo("/console/erasures");
        assertThat(API.bodySentTo("POST", "/api/v1/erasures")).as("nothing is sent before confirming").isNull();

        // Without the box ticked, nothing starts either: the form comes back.
        Document unconfirmed = post("/console/erasures", FORM);
        assertThat(unconfirmed.select("form.card").attr("action")).isEqualTo("/console/erasures/confirm");
        assertThat(API.bodySentTo("POST", "/api/v1/erasures")).isNull();
    }

    @Test
    void aConfirmedErasureIsSentAndItsStatusPageShowsEveryPartWithoutTheClient() {
        API.answer("POST /api/v1/erasures", new Answer(202, "application/json", answer("in-progress", """
                "sessions":{"status":"pending","step":"disable-account","attempts":0},
                "notes":{"status":"pending"},"exercises":{"status":"pending"},"notifications":{"status":"pending"}""")));

        web.mutateWith(operator()).mutateWith(csrf()).post().uri("/console/erasures")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .bodyValue(FORM + "&confirmed=yes").exchange()
                .expectStatus().is3xxRedirection().expectHeader().location("/console/erasures/" + ERASURE + "?started");
        assertThat(API.bodySentTo("POST", "/api/v1/erasures")).isEqualTo(
                "{\"clientId\":\"" + CLIENT + "\",\"reason\":\"consent-withdrawn\",\"reference\":\"DSR-77\"}");

        API.answer("/api/v1/erasures/" + ERASURE, Answer.json(answer("done-with-refusals", """
                "sessions":{"status":"done","answeredAt":"2026-12-01T09:01:00Z"},
                "notes":{"status":"refused","reasonCode":"retention-period","answeredAt":"2026-12-01T09:01:30Z"},
                "exercises":{"status":"done","answeredAt":"2026-12-01T09:01:10Z"},
                "notifications":{"status":"done","answeredAt":"2026-12-01T09:02:00Z"}""")));
        Document status = get("/console/erasures/" + ERASURE + "?started");

        // Finished by the time the page is read: no "under way" any more.
        assertThat(status.select(".notice.success")).isEmpty();
        assertThat(status.select(".overall .state").text()).isEqualTo("Done, with a part kept back");
        assertThat(status.select(".erasure-parts li .name").eachText()).containsExactly(
                "Account, sessions and roster", "Clinical notes", "Homework and questionnaires", "Notifications");
        assertThat(status.select(".erasure-parts li .status").eachText()).containsExactly("Erased", "Kept", "Erased", "Erased");
        assertThat(status.select(".part-notes .reason").text()).startsWith("Kept for the retention period");
        assertThat(status.select(".erasure-facts").text()).contains("The client withdrew their consent", "DSR-77");
        assertThat(status.html()).as("the status page does not say who").doesNotContain(CLIENT);
        assertThat(API.tokenSentTo("/api/v1/erasures/" + ERASURE)).isEqualTo("Bearer client1-access-token");
    }

    @Test
    void aStepThatKeepsFailingIsShownAsRetriedAndAnUnknownErasureIsNotFound() {
        API.answer("/api/v1/erasures/" + ERASURE, Answer.json(answer("in-progress", """
                "sessions":{"status":"pending","step":"disable-account","attempts":3,"problem":"identity-unavailable"},
                "notes":{"status":"pending"},"exercises":{"status":"pending"},"notifications":{"status":"pending"}""")));

        Document status = get("/console/erasures/" + ERASURE);

        assertThat(status.select(".overall .state").text()).isEqualTo("In progress");
        assertThat(status.select(".part-sessions .step").text()).isEqualTo("Disabling the account");
        assertThat(status.select(".part-sessions .problem").text()).isEqualTo("The sign-in service does not answer.");
        assertThat(status.select(".part-sessions .attempts").text()).startsWith("Tried 3 times");
        assertThat(status.select("a.refresh").attr("href")).isEqualTo("/console/erasures/" + ERASURE);

        web.mutateWith(operator()).get().uri("/console/erasures/e7a5e000-0000-4000-8000-000000000404").exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void theApiRefusalIsShownOnTheFormWithWhatWasTyped() {
        API.answer("POST /api/v1/erasures", new Answer(422, "application/problem+json", """
                {"type":"urn:teletherapy:problem:not-a-client","title":"Not a client","status":422,
                 "detail":"This account is not a client's; only clients are erased here."}"""));

        Document page = post("/console/erasures", FORM + "&confirmed=yes");

        assertThat(page.select("[role=alert]").text()).isEqualTo("This account is not a client’s: only clients are erased here.");
        assertThat(page.select("#clientId").val()).isEqualTo(CLIENT);
        assertThat(page.select("#reason option[selected]").val()).isEqualTo("consent-withdrawn");

        Document typo = post("/console/erasures/confirm", "clientId=client3&reason=client-request");
        assertThat(typo.select("#clientId-error").text()).startsWith("This is not a client id");
        assertThat(typo.select("#clientId").attr("aria-invalid")).isEqualTo("true");
    }

    @Test
    void erasuresAreForOperatorsOnly() {
        for (WebTestClientConfigurer who : new WebTestClientConfigurer[] {client(), therapist()}) {
            web.mutateWith(who).get().uri("/console/erasures").exchange().expectStatus().isForbidden();
            web.mutateWith(who).get().uri("/console/erasures/" + ERASURE).exchange().expectStatus().isForbidden();
            web.mutateWith(who).mutateWith(csrf()).post().uri("/console/erasures")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .bodyValue(FORM + "&confirmed=yes").exchange().expectStatus().isForbidden();
        }
        assertThat(API.bodySentTo("POST", "/api/v1/erasures")).isNull();
        assertThat(get("/console/erasures").select(".console-tabs a[aria-current=page]").text()).isEqualTo("Erasures");
    }

    private static String answer(String status, String parts) {
        return "{\"id\":\"" + ERASURE + "\",\"clientId\":\"" + CLIENT + "\",\"status\":\"" + status + "\","
                + "\"reason\":\"consent-withdrawn\",\"reference\":\"DSR-77\",\"requestedAt\":\"2026-12-01T09:00:00Z\","
                + ("in-progress".equals(status) ? "" : "\"completedAt\":\"2026-12-01T09:02:00Z\",")
                + "\"parts\":{" + parts + "}}";
    }

    private Document get(String path) {
        return Jsoup.parse(web.mutateWith(operator()).get().uri(path).cookie("lang", "en").cookie("tz", "Europe/Berlin")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    private Document post(String path, String form) {
        return Jsoup.parse(web.mutateWith(operator()).mutateWith(csrf()).post().uri(path).cookie("lang", "en")
                .header("Content-Type", "application/x-www-form-urlencoded").bodyValue(form).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    private WebTestClientConfigurer operator() {
        return signedInAs(SUBJECT, "ROLE_OPERATOR");
    }
}
