package org.teletherapy.sessions.calendar;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.teletherapy.sessions.SchedulingApiTestBase;
import org.teletherapy.sessions.SchedulingFixture;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teletherapy.sessions.SchedulingFixture.token;

class CalendarApiTest extends SchedulingApiTestBase {

    @Test
    void theCalendarParsesAndRoundTripsUidsTimesAndCancellations() {
        Instant kept = fixture.firstFreeSlotAfter(Duration.ofDays(2));
        Instant dropped = fixture.firstFreeSlotAfter(Duration.ofDays(3));
        String keptId = fixture.book(kept, "client1");
        String droppedId = fixture.book(dropped, "client1");
        web.post().uri("/api/v1/sessions/{id}/cancel", droppedId).headers(h -> h.setBearerAuth(token("client1")))
                .bodyValue(Map.of("reason", "illness")).exchange().expectStatus().isOk();

        String ics = web.get().uri("/api/v1/calendar.ics").headers(h -> h.setBearerAuth(token("client1"))).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/calendar")
                .expectBody(String.class).returnResult().getResponseBody();

        ICalendar calendar = Biweekly.parse(ics).first();
        assertThat(calendar.validate(biweekly.ICalVersion.V2_0).isEmpty()).as(calendar.validate(biweekly.ICalVersion.V2_0).toString()).isTrue();
        VEvent keptEvent = event(calendar, keptId);
        assertThat(keptEvent.getDateStart().getValue().toInstant()).isEqualTo(kept);
        assertThat(keptEvent.getDateEnd().getValue().toInstant()).isEqualTo(kept.plus(50, ChronoUnit.MINUTES));
        assertThat(keptEvent.getStatus().getValue()).isEqualTo("CONFIRMED");
        assertThat(event(calendar, droppedId).getStatus().getValue()).isEqualTo("CANCELLED");
        assertThat(ics).doesNotContain("Clara").doesNotContain("jit.si");
    }

    @Test
    void aPrivateFeedWorksWithoutATokenUntilItIsRevoked() {
        String id = fixture.book(fixture.firstFreeSlotAfter(Duration.ofDays(2)), "client2");
        String url = (String) web.post().uri("/api/v1/calendar/feed").headers(h -> h.setBearerAuth(token("client2")))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody().get("url");

        String ics = web.get().uri(url).exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(ics).contains("UID:" + id + "@teletherapy");

        web.delete().uri("/api/v1/calendar/feed").headers(h -> h.setBearerAuth(token("client2"))).exchange()
                .expectStatus().isNoContent();
        web.get().uri(url).exchange().expectStatus().isNotFound();
        web.get().uri("/api/v1/calendar/feeds/guessing-does-not-work.ics").exchange().expectStatus().isNotFound();
    }

    @Test
    void oneSessionCanBeAddedToACalendarOnItsOwnButNotAnotherClientsSession() {
        String mine = fixture.book(fixture.firstFreeSlotAfter(Duration.ofDays(4)), "client1");
        String other = fixture.book(fixture.firstFreeSlotAfter(Duration.ofDays(5)), "client1");
        String theirs = fixture.book(fixture.firstFreeSlotAfter(Duration.ofDays(6)), "client2");

        ICalendar calendar = Biweekly.parse(web.get().uri("/api/v1/calendar.ics?session={id}", mine)
                .headers(h -> h.setBearerAuth(token("client1"))).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody()).first();
        assertThat(calendar.getEvents()).extracting(event -> event.getUid().getValue())
                .containsExactly(mine + "@teletherapy").doesNotContain(other + "@teletherapy");

        String foreign = web.get().uri("/api/v1/calendar.ics?session={id}", theirs)
                .headers(h -> h.setBearerAuth(token("client1"))).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(Biweekly.parse(foreign).first().getEvents()).isEmpty();
        web.get().uri("/api/v1/calendar.ics?session=not-a-session").headers(h -> h.setBearerAuth(token("client1")))
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void aMovedSessionStaysOneCalendarEntryWhoseSequenceCountsTheMovesAndTheCancellation() {
        String first = fixture.book(fixture.firstFreeSlotAfter(Duration.ofDays(7)), "client2");
        Instant secondStart = fixture.firstFreeSlotAfter(Duration.ofDays(8));
        String second = reschedule(first, secondStart);
        Instant thirdStart = fixture.firstFreeSlotAfter(Duration.ofDays(9));
        String third = reschedule(second, thirdStart);

        VEvent moved = onlyEventFrom(feedOf("client2"), first);
        assertThat(moved.getDateStart().getValue().toInstant()).isEqualTo(thirdStart);
        assertThat(moved.getSequence().getValue()).isEqualTo(2);
        assertThat(moved.getStatus().getValue()).isEqualTo("CONFIRMED");

        web.post().uri("/api/v1/sessions/{id}/cancel", third).headers(h -> h.setBearerAuth(token("client2")))
                .bodyValue(Map.of("reason", "illness")).exchange().expectStatus().isOk();
        VEvent cancelled = onlyEventFrom(feedOf("client2"), first);
        assertThat(cancelled.getSequence().getValue()).isEqualTo(3);
        assertThat(cancelled.getStatus().getValue()).isEqualTo("CANCELLED");

        String single = web.get().uri("/api/v1/calendar.ics?session={id}", third)
                .headers(h -> h.setBearerAuth(token("client2"))).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(single).contains("UID:" + first + "@teletherapy").doesNotContain(third + "@teletherapy");
    }

    @Test
    void theFeedStatusSaysWhetherAndSinceWhenAFeedExistsWithoutItsAddress() {
        web.delete().uri("/api/v1/calendar/feed").headers(h -> h.setBearerAuth(token("client3"))).exchange()
                .expectStatus().isNoContent();
        web.get().uri("/api/v1/calendar/feed").headers(h -> h.setBearerAuth(token("client3"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.active").isEqualTo(false);

        web.post().uri("/api/v1/calendar/feed").headers(h -> h.setBearerAuth(token("client3"))).exchange()
                .expectStatus().isCreated();
        String status = web.get().uri("/api/v1/calendar/feed").headers(h -> h.setBearerAuth(token("client3")))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(status).contains("\"active\":true").contains("\"since\":").doesNotContain("feeds/");
    }

    private String reschedule(String id, Instant start) {
        return (String) web.post().uri("/api/v1/sessions/{id}/reschedule", id)
                .headers(h -> h.setBearerAuth(token("client2"))).bodyValue(Map.of("start", start))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("id");
    }

    private ICalendar feedOf(String user) {
        return Biweekly.parse(web.get().uri("/api/v1/calendar.ics").headers(h -> h.setBearerAuth(token(user)))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody()).first();
    }

    /** The chain's one entry: no other entry of the feed belongs to it. */
    private static VEvent onlyEventFrom(ICalendar calendar, String firstSessionId) {
        assertThat(calendar.getEvents()).filteredOn(e -> e.getUid().getValue().equals(firstSessionId + "@teletherapy"))
                .hasSize(1);
        return event(calendar, firstSessionId);
    }

    private static VEvent event(ICalendar calendar, String sessionId) {
        return calendar.getEvents().stream().filter(event -> event.getUid().getValue().equals(sessionId + "@teletherapy"))
                .findFirst().orElseThrow();
    }
}
