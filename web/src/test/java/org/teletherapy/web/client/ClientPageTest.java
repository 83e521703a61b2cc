package org.teletherapy.web.client;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.teletherapy.web.SignedInPageTest;
import org.teletherapy.web.StandInApi.Answer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teletherapy.web.TherapistFixtures.CHIDI;
import static org.teletherapy.web.TherapistFixtures.CLARA;
import static org.teletherapy.web.TherapistFixtures.availability;
import static org.teletherapy.web.TherapistFixtures.caseload;
import static org.teletherapy.web.TherapistFixtures.list;
import static org.teletherapy.web.TherapistFixtures.session;

/** One client's page for their therapist: sessions, homework, score charts, the therapist's notes about them. */
class ClientPageTest extends SignedInPageTest {

    static final UUID PAST = UUID.fromString("5e550000-0000-4000-8000-000000000001");
    static final UUID NEXT = UUID.fromString("5e550000-0000-4000-8000-000000000002");
    static final UUID HANDED_IN = UUID.fromString("5b0c0000-0000-4000-8000-000000000001");
    static final UUID OPEN = UUID.fromString("5b0c0000-0000-4000-8000-000000000002");
    static final UUID NOTE = UUID.fromString("40e50000-0000-4000-8000-000000000001");
    static final UUID DRAFT = UUID.fromString("40e50000-0000-4000-8000-000000000002");

    @BeforeEach
    void claraWithHistory() {
        web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        API.answer("/api/v1/care-team", Answer.json(caseload()));
        API.answer("/api/v1/availability", Answer.json(availability("Europe/Berlin")));
        API.answer("/api/v1/sessions", Answer.json(list(List.of(
                session(PAST, CLARA, "fulfilled", Instant.parse("2026-11-24T08:00:00Z"), null),
                session(NEXT, CLARA, "booked", Instant.parse("2027-01-12T08:00:00Z"), null),
                session(UUID.randomUUID(), CHIDI, "booked", Instant.parse("2027-01-13T08:00:00Z"), null)))));
        API.answer("/api/v1/assignments", Answer.json("[" + assignment(HANDED_IN, "submitted", "2026-11-26T18:00:00Z")
                + "," + assignment(OPEN, "overdue", null) + "]"));
        API.answer("/api/v1/measures?clientId=" + CLARA + "&instrument=PHQ-9", Answer.json("["
                + measure("PHQ-9", 13, 27, "moderate", "2026-10-01") + "," + measure("PHQ-9", 8, 27, "mild", "2026-11-01") + "]"));
        API.answer("/api/v1/measures?clientId=" + CLARA + "&instrument=GAD-7", Answer.json("[]"));
        API.answer("/api/v1/notes", Answer.json("[" + note(NOTE, PAST, CLARA, "progress", "signed")
                + "," + note(DRAFT, UUID.randomUUID(), CLARA, "psychotherapy", "draft")
                + "," + note(UUID.randomUUID(), UUID.randomUUID(), CHIDI, "progress", "signed") + "]"));
    }

    @Test
    void theClientsSessionsHomeworkScoresAndMyNotesAboutThemAreOnTheirPage() {
        Document page = client(CLARA, "en");

        assertThat(page.select("h1").text()).isEqualTo("Clara Meyer");
        // The safety banner is the layout's, on every page of a therapist (SafetyBannerPageTest).
        assertThat(page.select("#safety-alerts")).hasSize(1);

        Element sessions = page.selectFirst("[aria-labelledby=sessions-heading]");
        assertThat(sessions.select("ul.list").get(0).text()).isEqualTo("Tuesday, January 12, 2027, 9:00 AM Booked");
        assertThat(sessions.select("ul.list").get(1).text()).isEqualTo("Tuesday, November 24, 2026, 9:00 AM Completed");

        Element homework = page.selectFirst("[aria-labelledby=homework-heading]");
        Element handedIn = homework.select("li").stream().filter(li -> li.text().contains("Handed in")).findFirst().orElseThrow();
        assertThat(handedIn.text()).contains("handed in on Thursday, November 26, 2026, 7:00 PM");
        assertThat(handedIn.selectFirst("a").attr("href")).isEqualTo("/homework-review/" + HANDED_IN);
        Element open = homework.select("li").stream().filter(li -> li.text().contains("Overdue")).findFirst().orElseThrow();
        assertThat(open.select("a")).isEmpty();
        assertThat(API.querySentTo("GET", "/api/v1/assignments")).isEqualTo("clientId=" + CLARA);

        Element phq9 = page.selectFirst("[aria-labelledby=phq-9-heading]");
        assertThat(phq9.select("svg[role=img] circle.score-point")).hasSize(2);
        assertThat(phq9.select("svg .band-label").eachText()).contains("moderately severe");
        assertThat(phq9.select("tbody tr").eachText()).containsExactly("Oct 1, 2026 13 of 27 moderate",
                "Nov 1, 2026 8 of 27 mild");
        assertThat(page.select("[aria-labelledby=gad-7-heading] .empty").text())
                .isEqualTo("No GAD-7 results yet. Assign a GAD-7 to see how they are doing over time.");

        Element notes = page.selectFirst("[aria-labelledby=notes-heading]");
        assertThat(notes.select("a.button").attr("href")).isEqualTo("/notes/new?clientId=" + CLARA);
        assertThat(notes.select("li")).hasSize(2);
        Element signed = notes.select("li").stream().filter(li -> li.text().contains("Progress note")).findFirst().orElseThrow();
        // A note is dated by its session.
        assertThat(signed.text()).isEqualTo("Tuesday, November 24, 2026, 9:00 AM Progress note Signed");
        assertThat(signed.selectFirst("a").attr("href")).isEqualTo("/notes/" + NOTE);
        assertThat(notes.text()).contains("Psychotherapy note Draft");
        assertThat(page.select("[style], style, script:not([src])")).isEmpty();
        // The page's client is not the signed-in person: the navigation stays a therapist's.
        assertThat(page.select("header nav a").eachText()).containsExactly("My week", "Clients", "Notes", "Templates", "Availability", "Safety alerts", "Settings");
        assertThat(page.select("header nav a[aria-current=page]").text()).isEqualTo("Clients");
    }

    @Test
    void someoneNotOnTheCaseloadHasNoPageHere() {
        String html = web.mutateWith(therapist()).get().uri("/clients/{id}", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound().expectBody(String.class).returnResult().getResponseBody();
        assertThat(Jsoup.parse(html).select("h1").text()).isEqualTo("Page not found");
        assertThat(API.querySentTo("GET", "/api/v1/notes")).isNull();
    }

    @Test
    void whenNotesAndScoresCannotBeReachedThoseCardsSaySoAndTheRestIsThere() {
        API.answer("/api/v1/notes", Answer.problem(503, "service-unavailable"));
        API.answer("/api/v1/measures?clientId=" + CLARA + "&instrument=PHQ-9", Answer.never());

        Document page = client(CLARA, "de-DE");

        assertThat(page.select("[aria-labelledby=notes-heading] .notice").text()).contains("kann gerade nicht angezeigt werden");
        assertThat(page.select("[aria-labelledby=phq-9-heading] .notice").text()).contains("kann gerade nicht angezeigt werden");
        assertThat(page.select("[aria-labelledby=sessions-heading] li")).hasSize(2);
        assertThat(page.select("[aria-labelledby=notes-heading] a.button").text()).isEqualTo("Notiz schreiben");
    }

    @Test
    void aClientCannotOpenAnotherClientsPage() {
        web.mutateWith(client()).get().uri("/clients/{id}", CHIDI).exchange().expectStatus().isForbidden();
        assertThat(API.querySentTo("GET", "/api/v1/care-team")).isNull();
    }

    private Document client(String id, String language) {
        return Jsoup.parse(web.mutateWith(therapist()).get().uri("/clients/{id}", id).header("Accept-Language", language)
                .cookie("tz", "Europe/Berlin").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    private static String assignment(UUID id, String status, String submittedAt) {
        return "{\"id\":\"" + id + "\",\"clientId\":\"" + CLARA + "\",\"status\":\"" + status
                + "\",\"templateTitle\":\"Communication journal\",\"dueAt\":\"2026-11-30T09:00:00Z\""
                + (submittedAt == null ? "" : ",\"submittedAt\":\"" + submittedAt + "\"") + "}";
    }

    private static String measure(String instrument, int score, int max, String severity, String day) {
        return "{\"responseId\":\"" + UUID.randomUUID() + "\",\"clientId\":\"" + CLARA + "\",\"instrument\":\"" + instrument
                + "\",\"totalScore\":" + score + ",\"maxScore\":" + max + ",\"severity\":\"" + severity
                + "\",\"needsFollowUp\":false,\"measuredAt\":\"" + day + "T09:00:00Z\"}";
    }

    private static String note(UUID id, UUID session, String client, String kind, String status) {
        return "{\"id\":\"" + id + "\",\"sessionId\":\"" + session + "\",\"clientId\":\"" + client + "\",\"kind\":\"" + kind
                + "\",\"status\":\"" + status + "\",\"version\":1,\"format\":\"text\",\"createdAt\":\"2026-11-24T10:00:00Z\","
                + "\"updatedAt\":\"2026-11-24T10:00:00Z\",\"erased\":false}";
    }
}
