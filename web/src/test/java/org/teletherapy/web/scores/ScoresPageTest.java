package org.teletherapy.web.scores;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.teletherapy.web.SignedInPageTest;
import org.teletherapy.web.StandInApi.Answer;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** "My scores": each instrument's history from GET /api/v1/measures as an SVG chart and a table of the same figures. */
class ScoresPageTest extends SignedInPageTest {

    /** The first page of a fresh context renders slowly on a busy machine; WebTestClient would give up after 5 s. */
    @BeforeEach
    void patientOnABusyMachine() {
        web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void eachHistoryIsAChartWithLabelledBandsAndATableOfTheSameFiguresInTheClientsZone() {
        API.answer("/api/v1/measures?instrument=PHQ-9", Answer.json("[" + measure("PHQ-9", 16, 27, "moderately-severe",
                "2026-02-01T23:30:00Z") + "," + measure("PHQ-9", 11, 27, "moderate", "2026-02-15T09:00:00Z") + ","
                + measure("PHQ-9", 6, 27, "mild", "2026-03-01T09:00:00Z") + "]"));
        API.answer("/api/v1/measures?instrument=GAD-7", Answer.json("[" + measure("GAD-7", 9, 21, "mild",
                "2026-02-15T09:00:00Z") + "]"));

        Document page = scores("en");

        Element phq9 = page.selectFirst("[aria-labelledby=phq-9-heading]");
        Element chart = phq9.selectFirst("svg");
        assertThat(chart.attr("role")).isEqualTo("img");
        assertThat(chart.attr("aria-labelledby")).isEqualTo("phq-9-title phq-9-desc");
        assertThat(chart.selectFirst("title").text()).isEqualTo("PHQ-9 scores over time");
        assertThat(chart.selectFirst("desc").text()).startsWith("3 results, from Feb 2, 2026 to Mar 1, 2026.")
                .contains("The latest is 6 of 27, mild.")
                .contains("minimal 0–4, mild 5–9, moderate 10–14, moderately severe 15–19, severe 20–27");
        assertThat(chart.select(".band-label").eachText())
                .containsExactly("minimal", "mild", "moderate", "moderately severe", "severe");
        assertThat(chart.select("rect.band")).hasSize(5);
        assertThat(chart.select("circle.score-point")).hasSize(3);
        assertThat(chart.select("polyline.score-line").attr("points").split(" ")).hasSize(3);
        // A higher score is drawn higher up: 16 above 11 above 6.
        assertThat(chart.select("circle").eachAttr("cy").stream().map(Double::valueOf).toList())
                .isSortedAccordingTo(Double::compare);
        // 23:30 UTC on 1 February is already 2 February in Berlin.
        assertThat(phq9.select("table tbody tr").eachText()).containsExactly(
                "Feb 2, 2026 16 of 27 moderately severe", "Feb 15, 2026 11 of 27 moderate", "Mar 1, 2026 6 of 27 mild");
        assertThat(phq9.select("table caption").text()).isEqualTo("PHQ-9 results");

        Element gad7 = page.selectFirst("[aria-labelledby=gad-7-heading]");
        assertThat(gad7.select(".band-label").eachText()).containsExactly("minimal", "mild", "moderate", "severe");
        assertThat(gad7.select("circle")).hasSize(1);
        assertThat(gad7.select("polyline")).isEmpty();
        assertThat(gad7.select("tbody tr").text()).isEqualTo("Feb 15, 2026 9 of 21 mild");
        assertThat(page.select("[style], style, script:not([src])")).isEmpty();
    }

    @Test
    void withoutResultsYetThePageSaysSoKindly() {
        API.answer("/api/v1/measures", Answer.json("[]"));

        Document page = scores("en");

        assertThat(page.select("svg")).isEmpty();
        assertThat(page.select("[aria-labelledby=phq-9-heading] .empty").text()).isEqualTo(
                "No PHQ-9 results yet. When you have filled in a PHQ-9 questionnaire, your scores will appear here.");
    }

    @Test
    void whenTheScoresCannotBeReachedEachPartSaysSo() {
        API.answer("/api/v1/measures", Answer.problem(503, "service-unavailable"));

        Document page = scores("de-DE,de;q=0.9");

        assertThat(page.select("h1").text()).isEqualTo("Meine Werte");
        assertThat(page.select(".score-card .notice").eachText()).hasSize(2)
                .allSatisfy(text -> assertThat(text).contains("kann gerade nicht angezeigt werden"));
    }

    private Document scores(String language) {
        String html = web.mutateWith(client()).get().uri("/scores").header("Accept-Language", language)
                .cookie("tz", "Europe/Berlin").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return Jsoup.parse(html);
    }

    /** One entry of GET /api/v1/measures, as exercises-service's MeasureRecord writes it. */
    private static String measure(String instrument, int score, int max, String severity, String at) {
        return """
                {"responseId":"%s","assignmentId":"5b0c0000-0000-4000-8000-000000000009","clientId":"%s",
                 "instrument":"%s","totalScore":%d,"severity":"%s","needsFollowUp":false,"measuredAt":"%s","maxScore":%d}
                """.formatted(java.util.UUID.randomUUID(), SUBJECT, instrument, score, severity, at, max);
    }
}
