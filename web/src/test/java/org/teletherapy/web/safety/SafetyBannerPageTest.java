package org.teletherapy.web.safety;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClientConfigurer;
import org.teletherapy.web.SignedInPageTest;
import org.teletherapy.web.StandInApi.Answer;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

/** The safety banner on a therapist's pages: what it shows, its live stream, and acknowledging from it. */
class SafetyBannerPageTest extends SignedInPageTest {

    private static final String ALERT = "a1e70000-0000-4000-8000-000000000001";
    private static final String CLIENT = "c1e70000-0000-4000-8000-000000000002";
    private static final String ASSIGNMENT = "a5510000-0000-4000-8000-000000000003";
    private static final String OPEN_ALERT = """
            {"id":"%s","responseId":"%s","assignmentId":"%s","clientId":"%s","instrument":"PHQ-9","status":"open",
             "raisedAt":"2026-12-01T09:00:00Z","acknowledgedAt":null,"acknowledgedBy":null}"""
            .formatted(ALERT, UUID.randomUUID(), ASSIGNMENT, CLIENT);

    @Autowired
    private LiveAlerts live;

    @Test
    void everyPageOfATherapistAndNoPageOfAClientCarriesTheLiveBanner() {
        Document therapistsPage = get(therapist(), "/settings");
        assertThat(therapistsPage.select("#safety-alerts").attr("hx-get")).isEqualTo("/safety-alerts/banner");
        assertThat(therapistsPage.select("#safety-alerts").attr("data-live")).isEqualTo("/live/safety-alerts");

        assertThat(get(client(), "/settings").select("#safety-alerts")).isEmpty();
    }

    @Test
    void theBannerListsTheOpenAlertsWithTheWayToTheClientAndTheAcknowledgement() {
        API.answer("/api/v1/safety-alerts?status=open", Answer.json("[" + OPEN_ALERT + "]"));
        API.answer("/api/v1/care-team", Answer.json("[{\"clientId\":\"" + CLIENT + "\",\"name\":\"Chidi Nwosu\"}]"));

        Document banner = get(therapist(), "/safety-alerts/banner");

        assertThat(banner.select("[role=alert] h2").text()).isEqualTo("A client needs your attention");
        assertThat(banner.select("#safety-alert-" + ALERT).text())
                .startsWith("Chidi Nwosu: PHQ-9 answer needs follow-up (raised Tuesday, December 1, 2026, 10:00 AM).");
        assertThat(banner.select("a[href=/clients/" + CLIENT + "]")).hasSize(1);
        assertThat(banner.select("a[href=/homework-review/" + ASSIGNMENT + "]")).hasSize(1);
        assertThat(banner.select("form[action=/safety-alerts/" + ALERT + "/acknowledge] button").text())
                .isEqualTo("Acknowledge: I am following up");
    }

    @Test
    void noOpenAlertMeansNoBannerAndAnUnreachableServiceIsSaid() {
        API.answer("/api/v1/safety-alerts?status=open", Answer.json("[]"));
        assertThat(get(therapist(), "/safety-alerts/banner").select("[role=alert]")).isEmpty();

        API.answer("/api/v1/safety-alerts?status=open", Answer.problem(503, "service-unavailable"));
        assertThat(get(therapist(), "/safety-alerts/banner").select("[role=alert]").text())
                .contains("Safety alerts cannot be checked right now.");
    }

    @Test
    void acknowledgingFromTheBannerTellsTheServiceAndShowsTheBannerWithoutIt() {
        API.answer("POST /api/v1/safety-alerts/" + ALERT + "/acknowledge", Answer.json(OPEN_ALERT
                .replace("\"open\"", "\"acknowledged\"")));
        API.answer("/api/v1/safety-alerts?status=open", Answer.json("[]"));

        Document banner = Jsoup.parse(web.mutateWith(therapist()).mutateWith(csrf()).post()
                .uri("/safety-alerts/{id}/acknowledge", ALERT).header("HX-Request", "true").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());

        assertThat(API.tokenSentTo("/api/v1/safety-alerts/" + ALERT + "/acknowledge"))
                .isEqualTo("Bearer therapist1-access-token");
        assertThat(banner.select("[role=alert]")).isEmpty();
    }

    @Test
    void theListShowsOpenAlertsAndWhoAcknowledgedTheOthersAndWhen() {
        String colleague = UUID.randomUUID().toString();
        API.answer("/api/v1/safety-alerts", Answer.json("[" + OPEN_ALERT + ","
                + acknowledged("2026-11-30T08:00:00Z", "2026-11-30T08:10:00Z", THERAPIST) + ","
                + acknowledged("2026-11-29T08:00:00Z", "2026-11-29T09:00:00Z", colleague) + "]"));

        Document page = get(therapist(), "/safety-alerts");

        assertThat(page.select(".alert-open")).hasSize(1);
        assertThat(page.select(".acknowledged-alerts tbody tr").eachText()).containsExactly(
                "PHQ-9, Monday, November 30, 2026, 9:00 AM Monday, November 30, 2026, 9:10 AM you Open the client’s page",
                "PHQ-9, Sunday, November 29, 2026, 9:00 AM Sunday, November 29, 2026, 10:00 AM another therapist of the client Open the client’s page");
    }

    @Test
    void theStreamSignalsOnlyTheAlertsOfTheSignedInTherapistAndEveryAcknowledgement() {
        var events = web.mutateWith(therapist()).get().uri("/live/safety-alerts").accept(MediaType.TEXT_EVENT_STREAM)
                .exchange().expectStatus().isOk()
                .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { }).getResponseBody();

        StepVerifier.create(events)
                .expectNextMatches(event -> "open".equals(event.comment()))
                .then(() -> live.raisedFor(UUID.randomUUID()))
                .expectNoEvent(Duration.ofMillis(500))
                .then(() -> live.raisedFor(UUID.fromString(THERAPIST)))
                .expectNextMatches(event -> "safety-alerts".equals(event.event()))
                .then(live::changedForEveryone)
                .expectNextMatches(event -> "safety-alerts".equals(event.event()))
                .thenCancel()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void aClientHasNeitherStreamNorBanner() {
        web.mutateWith(client()).get().uri("/live/safety-alerts").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                .expectStatus().isForbidden();
        web.mutateWith(client()).get().uri("/safety-alerts/banner").exchange().expectStatus().isForbidden();
        assertThat(API.tokenSentTo("/api/v1/safety-alerts")).isNull();
    }

    private static String acknowledged(String raised, String acknowledged, String by) {
        return """
                {"id":"%s","responseId":"%s","assignmentId":null,"clientId":"%s","instrument":"PHQ-9",
                 "status":"acknowledged","raisedAt":"%s","acknowledgedAt":"%s","acknowledgedBy":"%s"}"""
                .formatted(UUID.randomUUID(), UUID.randomUUID(), CLIENT, raised, acknowledged, by);
    }

    private Document get(WebTestClientConfigurer who, String path) {
        return Jsoup.parse(web.mutateWith(who).get().uri(path).cookie("lang", "en").cookie("tz", "Europe/Berlin")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

}
