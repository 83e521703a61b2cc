package org.teletherapy.web.booking;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.teletherapy.web.SignedInPageTest;
import org.teletherapy.web.StandInApi.Answer;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

/** Booking a session: the week's free times in the client's zone, the booking, and a time someone took first. */
class BookingPageTest extends SignedInPageTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final String SESSION = "6a1d0000-0000-4000-8000-000000000042";
    static final String SECOND = "6a1d0000-0000-4000-8000-000000000043";
    static final String THIRD = "6a1d0000-0000-4000-8000-000000000044";

    Instant nextMonday9;
    Instant nextMonday10;

    @BeforeEach
    void twoFreeTimesNextMonday() {
        LocalDate monday = LocalDate.now(BERLIN).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        nextMonday9 = monday.atTime(9, 0).atZone(BERLIN).toInstant();
        nextMonday10 = monday.atTime(10, 0).atZone(BERLIN).toInstant();
        API.answer("/api/v1/therapists/" + THERAPIST + "/slots", Answer.json("[{\"start\":\"" + nextMonday9
                + "\",\"end\":\"" + nextMonday9.plusSeconds(3000) + "\"},{\"start\":\"" + nextMonday10
                + "\",\"end\":\"" + nextMonday10.plusSeconds(3000) + "\"}]"));
    }

    @Test
    void withOneTherapistBookingGoesStraightToTheirWeek() {
        web.mutateWith(client()).get().uri("/book").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/book/" + THERAPIST);
    }

    @Test
    void theWeeksFreeTimesAreShownInTheClientsZoneEachAFormWithItsCsrfToken() {
        Document page = week(1);

        assertThat(page.select("h1").text()).isEqualTo("Book a session with Theresa Lindqvist");
        assertThat(page.select(".day .day-label").eachText()).hasSize(1).first().asString().startsWith("Monday");
        assertThat(page.select(".day").first().hasAttr("open")).isTrue();
        assertThat(page.select(".day summary").text()).contains("2 free times");
        assertThat(page.select(".slots button").eachText()).containsExactly("9:00 AM", "10:00 AM");
        assertThat(page.select(".slots form input[name=_csrf]").eachAttr("value")).hasSize(2).allMatch(v -> !v.isBlank());
        assertThat(page.select(".hint").text()).contains("Europe/Berlin");
        String asked = API.tokenSentTo("/api/v1/therapists/" + THERAPIST + "/slots");
        assertThat(asked).isEqualTo("Bearer client1-access-token");
    }

    @Test
    void bookingATimeSendsItToTheApiAndConfirmsIt() {
        API.answer("POST /api/v1/sessions", new Answer(201, "application/json", session()));
        API.answer("/api/v1/sessions/" + SESSION, Answer.json(session()));

        web.mutateWith(client()).mutateWith(csrf()).post().uri("/book/" + THERAPIST)
                .cookie("tz", "Europe/Berlin")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .bodyValue("start=" + nextMonday9 + "&week=1").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/sessions/" + SESSION + "/booked");
        assertThat(API.bodySentTo("POST", "/api/v1/sessions"))
                .contains("\"therapistId\":\"" + THERAPIST + "\"").contains("\"start\":\"" + nextMonday9 + "\"");

        String html = web.mutateWith(client()).get().uri("/sessions/" + SESSION + "/booked").cookie("tz", "Europe/Berlin")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        Document confirmation = Jsoup.parse(html);
        assertThat(confirmation.select("h1").text()).isEqualTo("Your session is booked");
        assertThat(confirmation.select(".when").text()).startsWith("Monday").contains("9:00 AM");
    }

    @Test
    void aTimeSomeoneElseTookFirstIsAnsweredNextToItAndNothingIsLost() {
        API.answer("POST /api/v1/sessions", Answer.problem(409, "slot-taken"));

        String html = web.mutateWith(client()).mutateWith(csrf()).post().uri("/book/" + THERAPIST)
                .cookie("tz", "Europe/Berlin")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .bodyValue("start=" + nextMonday9 + "&week=1").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        Document page = Jsoup.parse(html);

        assertThat(page.select("[role=alert]").text()).isEqualTo(
                "Someone else booked that time a moment ago. Please choose another one.");
        assertThat(page.select("button.taken").text()).isEqualTo("9:00 AM");
        assertThat(page.select(".slots button").eachText()).contains("10:00 AM");
    }

    @Test
    void bookingWithoutItsCsrfTokenIsRefused() {
        web.mutateWith(client()).post().uri("/book/" + THERAPIST)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .bodyValue("start=" + nextMonday9).exchange()
                .expectStatus().isForbidden();
        assertThat(API.bodySentTo("POST", "/api/v1/sessions")).isNull();
    }

    @Test
    void aWeeklySeriesIsBookedAllOrNothingAndTheConfirmationListsEveryDate() {
        Document page = Jsoup.parse(web.mutateWith(client()).get().uri("/book/" + THERAPIST + "?week=1&repeat=weekly&count=3")
                .cookie("tz", "Europe/Berlin").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(page.select("input[name=repeat][checked]").attr("value")).isEqualTo("weekly");
        assertThat(page.select("[role=status]").text()).isEqualTo("Each time you choose books 3 weekly sessions, starting then.");
        assertThat(page.select(".slots form").first().select("input[name=repeat]").attr("value")).isEqualTo("weekly");
        assertThat(page.select(".slots form").first().select("input[name=count]").attr("value")).isEqualTo("3");
        assertThat(page.select(".week-nav a").eachAttr("href")).allMatch(href -> href.contains("repeat=weekly"));

        String series = "7b000000-0000-4000-8000-000000000001";
        String booked = "[" + session(SESSION, nextMonday9, series) + "," + session(SECOND, nextMonday9.plus(7, ChronoUnit.DAYS), series)
                + "," + session(THIRD, nextMonday9.plus(14, ChronoUnit.DAYS), series) + "]";
        API.answer("POST /api/v1/sessions/series", new Answer(201, "application/json",
                "{\"seriesId\":\"" + series + "\",\"sessions\":" + booked + "}"));
        API.answer("/api/v1/sessions/" + SESSION, Answer.json(session(SESSION, nextMonday9, series)));
        API.answer("GET /api/v1/sessions", Answer.json(booked));

        web.mutateWith(client()).mutateWith(csrf()).post().uri("/book/" + THERAPIST).cookie("tz", "Europe/Berlin")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .bodyValue("start=" + nextMonday9 + "&week=1&repeat=weekly&count=3").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/sessions/" + SESSION + "/booked");
        assertThat(API.bodySentTo("POST", "/api/v1/sessions/series")).contains("\"frequency\":\"WEEKLY\"")
                .contains("\"occurrences\":3").contains("\"start\":\"" + nextMonday9 + "\"");
        assertThat(API.bodySentTo("POST", "/api/v1/sessions")).isNull();

        Document confirmation = Jsoup.parse(web.mutateWith(client()).get().uri("/sessions/" + SESSION + "/booked")
                .cookie("tz", "Europe/Berlin").exchange().expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody());
        assertThat(confirmation.select("h1").text()).isEqualTo("Your sessions are booked");
        assertThat(confirmation.select("h2").text()).isEqualTo("All 3 sessions of the series");
        assertThat(confirmation.select(".series-dates li").eachText()).hasSize(3).allMatch(date -> date.contains("9:00 AM"));
        assertThat(confirmation.select("a[download]").attr("href")).isEqualTo("/calendar.ics");
    }

    @Test
    void aSeriesThatCannotBeBookedNamesTheDatesThatAreNotFree() {
        API.answer("POST /api/v1/sessions/series", new Answer(409, "application/problem+json", """
                {"type":"urn:teletherapy:problem:series-conflict","title":"Series not bookable","status":409,
                 "detail":"2 of the dates are taken.","conflicts":["2031-03-10","2031-03-17"],
                 "conflictStarts":["2031-03-10T08:00:00Z","2031-03-17T08:00:00Z"]}"""));

        Document page = Jsoup.parse(web.mutateWith(client()).mutateWith(csrf()).post().uri("/book/" + THERAPIST)
                .cookie("tz", "Europe/Berlin").header("Content-Type", "application/x-www-form-urlencoded")
                .bodyValue("start=" + nextMonday9 + "&week=1&repeat=every-other-week&count=4").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());

        assertThat(page.select("[role=alert] p").text()).startsWith("The series cannot be booked: these dates are not free.");
        assertThat(page.select("[role=alert] .conflicts li").eachText())
                .containsExactly("Monday, March 10, 2031, 9:00 AM", "Monday, March 17, 2031, 9:00 AM");
        assertThat(page.select("button.taken")).as("the chosen time itself is free").isEmpty();
        assertThat(API.bodySentTo("POST", "/api/v1/sessions/series")).contains("\"frequency\":\"EVERY_OTHER_WEEK\"")
                .contains("\"occurrences\":4");
        assertThat(page.select("input[name=repeat][checked]").attr("value")).isEqualTo("every-other-week");
    }

    @Test
    void aSingleBookingOffersItsOwnCalendarFile() {
        API.answer("/api/v1/sessions/" + SESSION, Answer.json(session()));
        Document confirmation = Jsoup.parse(web.mutateWith(client()).get().uri("/sessions/" + SESSION + "/booked")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(confirmation.select("a[download]").attr("href")).isEqualTo("/sessions/" + SESSION + "/calendar.ics");
        assertThat(confirmation.select(".series-dates")).isEmpty();
    }

    private Document week(int offset) {
        String html = web.mutateWith(client()).get().uri("/book/" + THERAPIST + "?week=" + offset)
                .cookie("tz", "Europe/Berlin").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return Jsoup.parse(html);
    }

    private String session() {
        return session(SESSION, nextMonday9, null);
    }

    private static String session(String id, Instant start, String seriesId) {
        return """
                {"id":"%s","therapistId":"%s","clientId":"%s","start":"%s","end":"%s","status":"booked",
                 "videoUrl":null,"videoJoinOpensAt":"%s","videoJoinClosesAt":"%s","seriesId":%s}
                """.formatted(id, THERAPIST, SUBJECT, start, start.plusSeconds(3000), start.minusSeconds(600),
                start.plusSeconds(3000), seriesId == null ? "null" : "\"" + seriesId + "\"");
    }
}
