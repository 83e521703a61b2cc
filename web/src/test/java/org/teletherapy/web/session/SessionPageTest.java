package org.teletherapy.web.session;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.teletherapy.web.SignedInPageTest;
import org.teletherapy.web.StandInApi.Answer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

/** A client's session page: moving and cancelling, with the late warning the API's times call for. */
class SessionPageTest extends SignedInPageTest {

    static final String SESSION = "6a1d0000-0000-4000-8000-000000000077";

    @Test
    void insideTheLateWindowThePageWarnsBeforeTheClientConfirms() {
        Instant start = Instant.now().plus(5, ChronoUnit.HOURS);
        API.answer("/api/v1/sessions/" + SESSION, Answer.json(booked(start, start.minus(Duration.ofHours(24)), 2)));

        Document page = sessionPage();

        assertThat(page.select(".card.next").text()).contains("with Theresa Lindqvist");
        assertThat(page.select("[role=note]").text()).contains("counts as a late cancellation");
        assertThat(page.select("form[action$=/cancel] button").text()).isEqualTo("Cancel anyway (late)");
        assertThat(page.select("select#reason option").eachAttr("value"))
                .containsExactly("", "schedule-conflict", "illness", "emergency", "technical-problem", "other");
        assertThat(page.select("a[href$=/move]").text()).isEqualTo("Choose another time");
        assertThat(page.select("#move-heading + p .hint").text()).isEqualTo("You can move it 2 more times.");
    }

    @Test
    void wellBeforeTheSessionCancellingIsNotLateAndSaysFromWhenItWouldBe() {
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS);
        API.answer("/api/v1/sessions/" + SESSION, Answer.json(booked(start, start.minus(Duration.ofHours(24)), 0)));

        Document page = sessionPage();

        assertThat(page.select("[role=note]")).isEmpty();
        assertThat(page.select("form[action$=/cancel] .hint").text()).startsWith("Cancelling counts as late from");
        assertThat(page.select("a[href$=/move]")).isEmpty();
        assertThat(page.text()).contains("moved as often as it can be");
    }

    @Test
    void cancellingSendsTheChosenReasonAndShowsTheCancelledSession() {
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS);
        API.answer("/api/v1/sessions/" + SESSION, Answer.json(booked(start, start.minus(Duration.ofHours(24)), 2)));
        API.answer("POST /api/v1/sessions/" + SESSION + "/cancel", Answer.json("[]"));

        web.mutateWith(client()).mutateWith(csrf()).post().uri("/sessions/" + SESSION + "/cancel")
                .header("Content-Type", "application/x-www-form-urlencoded").bodyValue("reason=illness").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/sessions/" + SESSION);

        assertThat(API.bodySentTo("POST", "/api/v1/sessions/" + SESSION + "/cancel")).isEqualTo("{\"reason\":\"illness\"}");
    }

    @Test
    void withoutAReasonNothingIsSentAndTheFieldSaysWhy() {
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS);
        API.answer("/api/v1/sessions/" + SESSION, Answer.json(booked(start, start.minus(Duration.ofHours(24)), 2)));

        String html = web.mutateWith(client()).mutateWith(csrf()).post().uri("/sessions/" + SESSION + "/cancel")
                .header("Content-Type", "application/x-www-form-urlencoded").bodyValue("reason=").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        Document page = Jsoup.parse(html);

        assertThat(page.select("#reason-error").text()).isEqualTo("Please choose a reason.");
        assertThat(page.select("select#reason").attr("aria-invalid")).isEqualTo("true");
        assertThat(API.bodySentTo("POST", "/api/v1/sessions/" + SESSION + "/cancel")).isNull();
    }

    @Test
    void aCancelledSessionSaysItWasLateAndWhy() {
        Instant start = Instant.now().plus(3, ChronoUnit.HOURS);
        API.answer("/api/v1/sessions/" + SESSION, Answer.json("""
                {"id":"%s","therapistId":"%s","clientId":"%s","start":"%s","end":"%s","status":"cancelled",
                 "videoUrl":null,"cancellation":{"by":"client","reason":"illness","late":true,"at":"%s"}}
                """.formatted(SESSION, THERAPIST, SUBJECT, start, start.plusSeconds(3000), Instant.now())));

        Document page = sessionPage();

        assertThat(page.select(".tag").eachText()).containsExactly("Cancelled", "Late cancellation");
        assertThat(page.text()).contains("Reason: I am ill");
        assertThat(page.select("form[action$=/cancel]")).isEmpty();
    }

    @Test
    void movingOffersTheTherapistsFreeTimesAndPostsTheMove() {
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Instant later = start.plus(1, ChronoUnit.DAYS);
        API.answer("/api/v1/sessions/" + SESSION, Answer.json(booked(start, start.minus(Duration.ofHours(24)), 1)));
        API.answer("/api/v1/therapists/" + THERAPIST + "/slots", Answer.json(
                "[{\"start\":\"" + later + "\",\"end\":\"" + later.plusSeconds(3000) + "\"}]"));
        API.answer("POST /api/v1/sessions/" + SESSION + "/reschedule", Answer.json(booked(later, later, 0)
                .replace(SESSION, "6a1d0000-0000-4000-8000-000000000078")));

        String html = web.mutateWith(client()).get().uri("/sessions/" + SESSION + "/move?week=1").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        Document page = Jsoup.parse(html);
        assertThat(page.select("h1").text()).isEqualTo("Move your session with Theresa Lindqvist");
        assertThat(page.select(".hint").first().text()).isEqualTo("You can move it once more.");

        web.mutateWith(client()).mutateWith(csrf()).post().uri("/sessions/" + SESSION + "/move")
                .header("Content-Type", "application/x-www-form-urlencoded").bodyValue("start=" + later + "&week=1")
                .exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/sessions/6a1d0000-0000-4000-8000-000000000078/booked");
        assertThat(API.bodySentTo("POST", "/api/v1/sessions/" + SESSION + "/reschedule"))
                .isEqualTo("{\"start\":\"" + later + "\"}");
    }

    @Test
    void aSessionOfASeriesCanBeCancelledWithAllThatFollowIt() {
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS);
        API.answer("/api/v1/sessions/" + SESSION, Answer.json(booked(start, start.minus(Duration.ofHours(24)), 2)
                .replace("\"reschedulesLeft\":2", "\"reschedulesLeft\":2,\"seriesId\":\"7b000000-0000-4000-8000-000000000001\"")));
        API.answer("POST /api/v1/sessions/" + SESSION + "/cancel", Answer.json("[]"));

        Document page = sessionPage();
        assertThat(page.select("fieldset legend").text()).isEqualTo("Which sessions?");
        assertThat(page.select("input[name=scope][checked]").attr("value")).isEqualTo("this");

        web.mutateWith(client()).mutateWith(csrf()).post().uri("/sessions/" + SESSION + "/cancel")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .bodyValue("reason=schedule-conflict&scope=this-and-following").exchange()
                .expectStatus().is3xxRedirection();
        assertThat(API.bodySentTo("POST", "/api/v1/sessions/" + SESSION + "/cancel"))
                .contains("\"scope\":\"this-and-following\"").contains("\"reason\":\"schedule-conflict\"");
    }

    @Test
    void aSingleSessionOffersNoChoiceOfWhichSessions() {
        Instant start = Instant.now().plus(3, ChronoUnit.DAYS);
        API.answer("/api/v1/sessions/" + SESSION, Answer.json(booked(start, start.minus(Duration.ofHours(24)), 2)));

        assertThat(sessionPage().select("input[name=scope]")).isEmpty();
    }

    private Document sessionPage() {
        String html = web.mutateWith(client()).get().uri("/sessions/" + SESSION).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return Jsoup.parse(html);
    }

    private static String booked(Instant start, Instant lateFrom, int reschedulesLeft) {
        return """
                {"id":"%s","therapistId":"%s","clientId":"%s","start":"%s","end":"%s","status":"booked",
                 "videoUrl":null,"lateCancellationFrom":"%s","reschedulesLeft":%d}
                """.formatted(SESSION, THERAPIST, SUBJECT, start, start.plusSeconds(3000), lateFrom, reschedulesLeft);
    }
}
