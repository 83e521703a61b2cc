package org.teletherapy.web.calendar;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.teletherapy.web.SignedInPageTest;
import org.teletherapy.web.StandInApi.Answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

/** The calendar page: a private feed address created, shown once, revoked; the sessions as a file. */
class CalendarPageTest extends SignedInPageTest {

    static final String FEED = "/api/v1/calendar/feeds/s3cr3t-token.ics";

    @Test
    void withoutAFeedThePageOffersToCreateOne() {
        API.answer("GET /api/v1/calendar/feed", Answer.json("{\"active\":false,\"since\":null}"));

        Document page = page("/calendar");

        assertThat(page.select("h1").text()).isEqualTo("Calendar subscription");
        assertThat(page.text()).contains("You have no calendar feed.");
        assertThat(page.select("form[action=/calendar/feed] button").text()).isEqualTo("Create a feed address");
        assertThat(page.select("form[action=/calendar/feed/revoke]")).isEmpty();
    }

    @Test
    void aNewFeedAddressIsShownOnceOnTheBrowsersOriginReadyToCopy() {
        API.answer("POST /api/v1/calendar/feed", new Answer(201, "application/json", "{\"url\":\"" + FEED + "\"}"));
        API.answer("GET /api/v1/calendar/feed", Answer.json("{\"active\":true,\"since\":\"2026-12-01T09:00:00Z\"}"));

        Document created = Jsoup.parse(web.mutateWith(client()).mutateWith(csrf()).post()
                .uri("https://practice.example/calendar/feed").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());

        assertThat(created.select("#feed-address").attr("value")).isEqualTo("https://practice.example" + FEED);
        assertThat(created.select("label[for=feed-address]").text()).isEqualTo("Feed address");
        assertThat(created.select("[role=status]").text()).contains("shown only this once");
        assertThat(created.select("form[action=/calendar/feed/revoke] button").text()).isEqualTo("Revoke the feed");

        Document later = page("/calendar");
        assertThat(later.select("#feed-address")).isEmpty();
        assertThat(later.text()).contains("Your feed is active since Tuesday, December 1, 2026");
        assertThat(later.html()).doesNotContain("s3cr3t-token");
    }

    @Test
    void revokingTheFeedTellsTheClientAndAsksTheApi() {
        API.answer("DELETE /api/v1/calendar/feed", new Answer(204, "application/json", ""));
        API.answer("GET /api/v1/calendar/feed", Answer.json("{\"active\":false}"));

        Document page = Jsoup.parse(web.mutateWith(client()).mutateWith(csrf()).post().uri("/calendar/feed/revoke")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());

        assertThat(API.tokenSentTo("/api/v1/calendar/feed")).isEqualTo("Bearer client1-access-token");
        assertThat(page.select("[role=status]").text()).startsWith("Your feed was revoked");
        assertThat(page.text()).contains("You have no calendar feed.");
    }

    @Test
    void creatingOrRevokingWithoutTheCsrfTokenIsRefused() {
        web.mutateWith(client()).post().uri("/calendar/feed").exchange().expectStatus().isForbidden();
        web.mutateWith(client()).post().uri("/calendar/feed/revoke").exchange().expectStatus().isForbidden();
        assertThat(API.bodySentTo("POST", "/api/v1/calendar/feed")).isNull();
        assertThat(API.bodySentTo("DELETE", "/api/v1/calendar/feed")).isNull();
    }

    @Test
    void oneSessionDownloadsAsACalendarFileFromTheApi() {
        String ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n";
        API.answer("/api/v1/calendar.ics", new Answer(200, "text/calendar;charset=UTF-8", ics));

        web.mutateWith(client()).get().uri("/sessions/6a1d0000-0000-4000-8000-000000000042/calendar.ics").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/calendar")
                .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"session.ics\"")
                .expectBody(String.class).isEqualTo(ics);
        assertThat(API.querySentTo("GET", "/api/v1/calendar.ics"))
                .isEqualTo("session=6a1d0000-0000-4000-8000-000000000042");
    }

    private Document page(String path) {
        return Jsoup.parse(web.mutateWith(client()).get().uri(path).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody());
    }
}
