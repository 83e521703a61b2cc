package org.teletherapy.web.home;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.teletherapy.web.SignedInPageTest;
import org.teletherapy.web.StandInApi.Answer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

/**
 * The home page rendered from what a stand-in API answers. Signing in itself is tested against the real Keycloak
 * in the browser tests (system-tests); here a signed-in client is given, with the token the API calls carry.
 */
class HomePageTest extends SignedInPageTest {

    @BeforeEach
    void nothingBookedNothingDue() {
        API.answer("/api/v1/assignments", Answer.json("[]"));
        API.answer("/api/v1/sessions", Answer.json("[]"));
    }

    @Test
    void theNextSessionOffersTheVideoRoomWhenTheApiGivesItsLink() {
        Instant start = Instant.now().plus(5, ChronoUnit.MINUTES);
        API.answer("/api/v1/sessions", Answer.json("[" + session("booked", start, "\"https://meet.example/room-1\"") + "]"));

        Document page = home("en");

        assertThat(page.select(".card.next .when").text()).isNotBlank();
        assertThat(page.select(".card.next").text()).contains("with Theresa Lindqvist");
        assertThat(page.select(".card.next a.button.primary").attr("href")).isEqualTo("https://meet.example/room-1");
        assertThat(page.select(".card.next a.button.primary").text()).isEqualTo("Join video");
        assertThat(API.tokenSentTo("/api/v1/sessions")).isEqualTo("Bearer client1-access-token");
    }

    @Test
    void beforeTheWindowTheJoinButtonIsInactiveAndSaysWhenItOpens() {
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS);
        API.answer("/api/v1/sessions", Answer.json("[" + session("booked", start, "null") + "]"));

        Document page = home("en");

        assertThat(page.select(".card.next a.button")).isEmpty();
        assertThat(page.select(".card.next [aria-disabled=true]").text()).isEqualTo("Join video");
        assertThat(page.select(".card.next .hint").text()).contains("The video room opens");
    }

    @Test
    void pastAndCancelledSessionsAreListedApartFromWhatIsComing() {
        Instant now = Instant.now();
        API.answer("/api/v1/sessions", Answer.json("[" + session("fulfilled", now.minus(7, ChronoUnit.DAYS), "null")
                + "," + session("cancelled", now.plus(3, ChronoUnit.DAYS), "null")
                + "," + session("booked", now.plus(9, ChronoUnit.DAYS), "null")
                + "," + session("booked", now.plus(2, ChronoUnit.DAYS), "null") + "]"));

        Document page = home("en");

        assertThat(page.select("[aria-labelledby=upcoming-heading] li")).hasSize(1);
        assertThat(page.select("[aria-labelledby=past-heading] .tag").eachText()).containsExactly("Cancelled", "Completed");
    }

    @Test
    void homeworkDueIsListedWithItsStatusAndTheTherapistsComment() {
        API.answer("/api/v1/assignments", Answer.json("""
                [{"id":"5b0c0000-0000-4000-8000-000000000001","templateTitle":"Communication journal","kind":"journal",
                  "status":"overdue","dueAt":"2026-01-05T10:00:00Z","availableFrom":"2026-01-01T10:00:00Z"},
                 {"id":"5b0c0000-0000-4000-8000-000000000002","templateTitle":"Boundaries worksheet","kind":"worksheet",
                  "status":"reviewed","dueAt":"2026-01-02T10:00:00Z","availableFrom":"2026-01-01T10:00:00Z",
                  "reviewedAt":"2026-01-03T10:00:00Z","reviewComment":"Thoughtful answers."}]
                """));

        Document page = home("en");

        assertThat(page.select("[aria-labelledby=homework-heading] li .title").eachText())
                .containsExactly("Communication journal", "Boundaries worksheet");
        assertThat(page.select(".tag.warning").text()).isEqualTo("Overdue");
        assertThat(page.select("blockquote").text()).isEqualTo("Thoughtful answers.");
    }

    @Test
    void aServiceThatIsDownTakesOnlyItsPartOfThePage() {
        API.answer("/api/v1/assignments", Answer.problem(503, "service-unavailable"));
        API.answer("/api/v1/sessions", Answer.json("[" + session("booked", Instant.now().plus(1, ChronoUnit.DAYS), "null") + "]"));

        Document page = home("en");

        assertThat(page.select("[aria-labelledby=homework-heading] .notice").text()).contains("cannot be shown right now");
        assertThat(page.select(".card.next .when").text()).isNotBlank();
    }

    @Test
    void aServiceThatNeverAnswersTakesOnlyItsPartOfThePageAndOnlyForAWhile() {
        API.answer("/api/v1/sessions", Answer.json("[" + session("booked", Instant.now().plus(1, ChronoUnit.DAYS), "null") + "]"));
        home("en"); // the first page of a fresh application takes its time, which is not what this test measures
        API.answer("/api/v1/assignments", Answer.never());

        long started = System.nanoTime();
        Document page = home("en");

        assertThat(page.select("[aria-labelledby=homework-heading] .notice").text()).contains("cannot be shown right now");
        assertThat(page.select(".card.next .when").text()).isNotBlank();
        // Ended by the page's own deadline (3 s here), not by the test client giving up after 20 s.
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void germanBrowsersGetTheGermanPage() {
        Document page = home("de-DE,de;q=0.9");

        assertThat(page.select("html").attr("lang")).isEqualTo("de");
        assertThat(page.select("#next-heading").text()).isEqualTo("Ihre nächste Sitzung");
    }

    @Test
    void pagesWithPersonalDataAreNeverCachedAndRunNoInlineScript() {
        web.mutateWith(client()).get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().value("Cache-Control", value -> assertThat(value).contains("no-store"))
                .expectHeader().value("Content-Security-Policy", csp -> assertThat(csp)
                        .contains("script-src 'self'").doesNotContain("unsafe-inline").contains("frame-ancestors 'none'"));
        Document page = home("en");
        assertThat(page.select("script:not([src])")).isEmpty();
        assertThat(page.select("[style]")).isEmpty();
    }

    @Test
    void signingOutIsAFormWithItsCsrfTokenAndRefusedWithoutIt() {
        Document page = home("en");
        assertThat(page.select("form[action=/logout] input[name=_csrf]").attr("value")).isNotBlank();

        web.mutateWith(client()).post().uri("/logout").exchange().expectStatus().isForbidden();
        web.mutateWith(client()).mutateWith(csrf()).post().uri("/logout").exchange().expectStatus().is3xxRedirection();
    }

    @Test
    void thePublicPortServesNoManagementEndpoints() {
        web.get().uri("/actuator/prometheus").exchange().expectStatus().isNotFound();
    }

    @Test
    void someoneWhoIsNotSignedInIsSentToSignIn() {
        web.get().uri("/").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/oauth2/authorization/keycloak");
    }

    @Test
    void aBrowserWhoseSessionExpiredIsToldSo() {
        web.get().uri("/").cookie("SESSION", "gone").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/session-expired");
        String html = web.get().uri("/session-expired").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(Jsoup.parse(html).select("[role=status]").text()).contains("15 minutes without activity");
    }

    private Document home(String language) {
        // A fresh application's first page takes seconds on a busy two-core machine: more than the client's default 5 s.
        String html = web.mutate().responseTimeout(Duration.ofSeconds(20)).build()
                .mutateWith(client()).get().uri("/").header("Accept-Language", language).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        return Jsoup.parse(html);
    }

    private static String session(String status, Instant start, String videoUrl) {
        return """
                {"id":"%s","therapistId":"%s","clientId":"5f1c0000-0000-4000-8000-000000000003","start":"%s","end":"%s",
                 "status":"%s","videoUrl":%s,"videoJoinOpensAt":"%s","videoJoinClosesAt":"%s"}
                """.formatted(UUID.randomUUID(), THERAPIST, start, start.plus(50, ChronoUnit.MINUTES), status,
                videoUrl, start.minus(10, ChronoUnit.MINUTES), start.plus(50, ChronoUnit.MINUTES));
    }
}
