package org.teletherapy.web.week;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClientConfigurer;
import org.teletherapy.web.SignedInPageTest;
import org.teletherapy.web.StandInApi.Answer;

import java.time.Duration;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.teletherapy.web.TherapistFixtures.CHIDI;
import static org.teletherapy.web.TherapistFixtures.CLARA;
import static org.teletherapy.web.TherapistFixtures.availability;
import static org.teletherapy.web.TherapistFixtures.caseload;
import static org.teletherapy.web.TherapistFixtures.list;
import static org.teletherapy.web.TherapistFixtures.session;
import static org.teletherapy.web.TherapistFixtures.slot;

/** "My week": a therapist's sessions and free times by day and hour in their zone, today's actions, notes due. */
class WeekPageTest extends SignedInPageTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final String SLOTS = "/api/v1/therapists/" + THERAPIST + "/slots";

    @BeforeEach
    void aTherapistInBerlinWithTwoClients() {
        web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        API.answer("/api/v1/care-team", Answer.json(caseload()));
        API.answer("/api/v1/availability", Answer.json(availability("Europe/Berlin")));
        API.answer("/api/v1/sessions", Answer.json("[]"));
        API.answer(SLOTS, Answer.json("[]"));
        API.answer("/api/v1/notes/due", Answer.json("[]"));
    }

    @Test
    void theWeekAcrossTheEndOfSummerTimeShowsEachSessionAtItsBerlinHourWithItsStatusAndTheFreeTimes() {
        // 19–25 October 2026: summer time ends on Sunday the 25th. 07:00Z is 09:00 on Monday, 08:00Z is 09:00 on Sunday.
        API.answer("/api/v1/sessions", Answer.json(list(List.of(
                session(UUID.randomUUID(), CLARA, "fulfilled", Instant.parse("2026-10-19T07:00:00Z"), null),
                session(UUID.randomUUID(), CHIDI, "noshow", Instant.parse("2026-10-20T12:00:00Z"), null),
                session(UUID.randomUUID(), CLARA, "cancelled", Instant.parse("2026-10-21T07:00:00Z"), null),
                session(UUID.randomUUID(), CHIDI, "booked", Instant.parse("2026-10-25T08:00:00Z"), null),
                session(UUID.randomUUID(), CLARA, "booked", Instant.parse("2026-11-02T08:00:00Z"), null)))));

        // The browser is in New York: the week is still drawn in the therapist's own zone, their availability's.
        Document page = week("/week?week=2026-W43", "en-GB", "America/New_York");

        assertThat(page.select("h1").text()).isEqualTo("My week");
        assertThat(page.select(".week-label").text()).contains("Week 43").contains("Oct 19, 2026 – Oct 25, 2026");
        assertThat(page.select(".week-page > .hint").text()).contains("Times are in Europe/Berlin");
        assertThat(page.select(".week-grid thead th").eachText()).hasSize(8)
                .element(1).asString().startsWith("Monday");
        Element nine = row(page, "9:00 AM");
        assertThat(cell(nine, 1).text()).isEqualTo("9:00 AM–9:50 AM Clara Meyer Completed");
        assertThat(cell(nine, 3).text()).isEqualTo("9:00 AM–9:50 AM Clara Meyer Cancelled");
        assertThat(cell(nine, 7).text()).isEqualTo("9:00 AM–9:50 AM Chidi Nwosu Booked");
        assertThat(cell(row(page, "2:00 PM"), 2).text()).isEqualTo("2:00 PM–2:50 PM Chidi Nwosu No-show");
        // The next week's session is not in this one; each session leads to its client.
        assertThat(page.select(".week-grid a.entry")).hasSize(4);
        assertThat(cell(nine, 1).selectFirst("a").attr("href")).isEqualTo("/clients/" + CLARA);
        assertThat(page.select(".week-nav a").eachAttr("href")).containsExactly("/week?week=2026-W42", "/week?week=2026-W44");
        // The phone's list has the same entries, day by day.
        assertThat(page.select(".week-list section").get(6).text()).contains("Sunday")
                .contains("9:00 AM–9:50 AM Chidi Nwosu Booked");
        assertThat(page.select(".week-list section").get(3).select(".hint").text()).isEqualTo("Nothing on this day.");
        assertThat(page.select("#safety-alerts")).hasSize(1);
        // A week that is over has no free times to ask for.
        assertThat(API.querySentTo("GET", SLOTS)).isNull();
        assertThat(API.tokenSentTo("/api/v1/sessions")).isEqualTo("Bearer therapist1-access-token");
    }

    @Test
    void theFreeTimesOfAWeekAheadAreAskedForInTheTherapistsZoneAndShownAmongTheSessions() {
        LocalDate monday = LocalDate.now(BERLIN).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        Instant tenOClock = monday.atTime(10, 0).atZone(BERLIN).toInstant();
        API.answer(SLOTS, Answer.json(list(List.of(slot(tenOClock)))));
        API.answer("/api/v1/sessions", Answer.json(list(List.of(
                session(UUID.randomUUID(), CLARA, "booked", tenOClock.minus(1, ChronoUnit.HOURS), null)))));

        Document page = week("/week?week=" + monday.plusDays(2), "de-DE", "America/New_York");

        assertThat(cell(row(page, "09:00"), 1).text()).isEqualTo("09:00–09:50 Clara Meyer Gebucht");
        assertThat(cell(row(page, "10:00"), 1).text()).isEqualTo("10:00–10:50 Frei");
        assertThat(page.select(".week-list section").first().text()).contains("Montag")
                .contains("09:00–09:50 Clara Meyer Gebucht").contains("10:00–10:50 Frei");
        assertThat(URLDecoder.decode(API.querySentTo("GET", SLOTS), StandardCharsets.UTF_8)).isEqualTo("from="
                + monday.atStartOfDay(BERLIN).toInstant() + "&to=" + monday.plusWeeks(1).atStartOfDay(BERLIN).toInstant());
        assertThat(page.select(".week-nav + .hint a").attr("href")).isEqualTo("/week");
    }

    @Test
    void aDateInTheAddressShowsItsWeek() {
        Document page = week("/week?week=2026-12-31", "en-GB", "Europe/Berlin");

        // 31 December 2026 is a Thursday of week 53 of 2026.
        assertThat(page.select(".week-label").text()).contains("Week 53").contains("Dec 28, 2026 – Jan 3, 2027");
        assertThat(page.select(".week-nav a").eachAttr("href")).containsExactly("/week?week=2026-W52", "/week?week=2027-W01");
    }

    @Test
    void todaysSessionsOfferJoinCompleteAndNoShowOnlyOnceTheApiAllowsThem() {
        String zone = middayZone();
        API.answer("/api/v1/availability", Answer.json(availability(zone)));
        UUID begun = UUID.randomUUID();
        UUID later = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
        API.answer("/api/v1/sessions", Answer.json(list(List.of(
                session(begun, CLARA, "booked", now.minus(10, ChronoUnit.MINUTES), "https://meet.example/room-1"),
                session(later, CHIDI, "booked", now.plus(3, ChronoUnit.HOURS), null)))));

        Document page = week("/week", "en-GB", "Europe/Berlin");

        List<Element> today = page.select(".today-list > li");
        assertThat(today).hasSize(2);
        Element first = today.get(0);
        assertThat(first.text()).contains("Clara Meyer").contains("Booked");
        assertThat(first.select("a.button.primary").attr("href")).isEqualTo("https://meet.example/room-1");
        assertThat(first.select("form").eachAttr("action"))
                .containsExactly("/week/sessions/" + begun + "/complete", "/week/sessions/" + begun + "/no-show");
        assertThat(first.select("button").eachText()).containsExactly("Complete", "No-show");
        assertThat(first.select("button").first().attr("aria-label")).startsWith("Complete the session at ")
                .endsWith(" with Clara Meyer");
        Element second = today.get(1);
        assertThat(second.select("button, a.button")).isEmpty();
        assertThat(second.select(".hint").text()).contains("The video room opens at")
                .contains("Complete or No-show from");
        assertThat(page.select(".week-nav + .hint a")).isEmpty();
    }

    @Test
    void completingASessionRecordsItWithTheApiAndReturnsToTheSameWeek() {
        UUID id = UUID.randomUUID();
        API.answer("POST /api/v1/sessions/" + id + "/complete", Answer.json(
                session(id, CLARA, "fulfilled", Instant.parse("2026-10-19T07:00:00Z"), null)));

        String location = web.mutateWith(therapist()).mutateWith(csrf()).post()
                .uri("/week/sessions/{id}/complete", id).header("Content-Type", "application/x-www-form-urlencoded")
                .bodyValue("week=2026-W43").exchange()
                .expectStatus().is3xxRedirection().returnResult(Void.class).getResponseHeaders().getLocation().toString();

        assertThat(location).isEqualTo("/week?week=2026-W43&recorded=completed");
        assertThat(API.tokenSentTo("/api/v1/sessions/" + id + "/complete")).isEqualTo("Bearer therapist1-access-token");
        Document page = week(location, "en-GB", "Europe/Berlin");
        assertThat(page.select("[role=status]").text()).isEqualTo("The session is recorded as completed. Its note is now due.");
    }

    @Test
    void aSessionThatCannotBeRecordedYetSaysWhyOnTheWeek() {
        UUID id = UUID.randomUUID();
        API.answer("POST /api/v1/sessions/" + id + "/no-show", Answer.problem(409, "invalid-transition"));

        String html = web.mutateWith(therapist()).mutateWith(csrf()).post()
                .uri("/week/sessions/{id}/no-show", id).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept-Language", "de-DE").bodyValue("week=2026-W43").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        Document page = Jsoup.parse(html);
        assertThat(page.select("[role=alert]").text()).startsWith("Diese Sitzung kann jetzt nicht erfasst werden");
        assertThat(page.select(".week-label").text()).contains("Woche 43");
    }

    @Test
    void theNotesStillDueLeadToWritingThemAndANotesOutageLeavesTheRestOfTheWeek() {
        UUID session = UUID.randomUUID();
        API.answer("/api/v1/notes/due", Answer.json("[{\"sessionId\":\"" + session + "\",\"clientId\":\"" + CHIDI
                + "\",\"startsAt\":\"2026-10-20T12:00:00Z\",\"endsAt\":\"2026-10-20T12:50:00Z\","
                + "\"completedAt\":\"2026-10-20T13:00:00Z\"}]"));

        Document page = week("/week", "en-GB", "Europe/Berlin");

        Element due = page.selectFirst(".notes-due li");
        assertThat(due.text()).contains("Tuesday, October 20, 2026, 2:00 PM").contains("Chidi Nwosu");
        assertThat(due.selectFirst("a").attr("href")).isEqualTo("/notes/new?sessionId=" + session);

        API.answer("/api/v1/notes/due", Answer.problem(503, "service-unavailable"));
        Document withoutNotes = week("/week", "en-GB", "Europe/Berlin");
        assertThat(withoutNotes.select(".notes-due .notice").text()).contains("cannot be shown right now");
        assertThat(withoutNotes.select(".week-grid")).hasSize(1);
    }

    @Test
    void whenTheSessionsCannotBeReachedTheWeekSaysSoInsteadOfLookingEmpty() {
        API.answer("/api/v1/sessions", Answer.never());

        Document page = week("/week", "en-GB", "Europe/Berlin");

        assertThat(page.select(".today .notice").text()).contains("cannot be shown right now");
        assertThat(page.select(".week-page > .notice").text()).contains("Your sessions cannot be shown right now");
    }

    @Test
    void clientsAndOperatorsGetTheNotForThisAccountPageAndTheTherapistsHomeIsTheirWeek() {
        for (WebTestClientConfigurer someone : List.of(client(), signedInAs(UUID.randomUUID().toString(), "ROLE_OPERATOR"))) {
            String html = web.mutateWith(someone).get().uri("/week").exchange()
                    .expectStatus().isForbidden().expectBody(String.class).returnResult().getResponseBody();
            assertThat(Jsoup.parse(html).select("h1").text()).isEqualTo("Not for this account");
        }
        web.mutateWith(therapist()).get().uri("/").exchange()
                .expectStatus().is3xxRedirection().expectHeader().location("/week");
        Document page = week("/week", "en-GB", "Europe/Berlin");
        assertThat(page.select("header nav a").eachText()).containsExactly("My week", "Clients", "Notes", "Templates", "Availability", "Safety alerts", "Settings");
        assertThat(page.select("header nav a[aria-current=page]").text()).isEqualTo("My week");
    }

    private Document week(String uri, String language, String browserZone) {
        String html = web.mutateWith(therapist()).get().uri(uri).header("Accept-Language", language)
                .cookie("tz", browserZone).exchange()
                .expectStatus().isOk()
                .expectHeader().value("Cache-Control", value -> assertThat(value).contains("no-store"))
                .expectBody(String.class).returnResult().getResponseBody();
        return Jsoup.parse(html);
    }

    private static Element row(Document page, String hour) {
        return page.select(".week-grid tbody tr").stream()
                .filter(row -> row.selectFirst("th").text().equals(hour)).findFirst().orElseThrow();
    }

    private static Element cell(Element row, int day) {
        return row.child(day);
    }

    /** A zone where it is about midday now, so that "today" holds a session 3 h ahead whenever the test runs. */
    private static String middayZone() {
        int hour = Instant.now().atZone(ZoneOffset.UTC).getHour();
        int offset = 12 - hour;
        return ZoneOffset.ofHours(offset < -12 ? offset + 24 : offset > 14 ? offset - 24 : offset).getId()
                .replace("Z", "UTC");
    }
}
