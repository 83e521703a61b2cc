package org.teletherapy.sessions.availability;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec;
import org.teletherapy.sessions.SchedulingApiTestBase;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.teletherapy.sessions.SchedulingFixture.token;

class AvailabilityInputTest extends SchedulingApiTestBase {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"+14:00", "Z", "UTC+01:00", "GMT-05:00", "SystemV/CST6", "SystemV/EST5EDT", "Europe/Nowhere", "europe/berlin"})
    void onlyRegionBasedTimeZonesAreAccepted(String zone) {
        put(Map.of("timeZone", zone, "sessionMinutes", 50, "bufferMinutes", 10,
                "weekly", List.of(Map.of("day", "MONDAY", "start", "09:00", "end", "17:00"))))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:unknown-time-zone");
    }

    @Test
    void aRegionBasedTimeZoneIsAccepted() {
        put(Map.of("timeZone", "America/Argentina/Buenos_Aires", "sessionMinutes", 50, "bufferMinutes", 10,
                "weekly", List.of(Map.of("day", "MONDAY", "start", "09:00", "end", "17:00"))))
                .expectStatus().isOk();
    }

    @Test
    void anUnknownTimeZoneIsQuotedShortAndClean() {
        String zone = "Europe/" + "x".repeat(5000) + "\u200b\u202e";
        String answer = new String(put(Map.of("timeZone", zone, "sessionMinutes", 50, "bufferMinutes", 10,
                        "weekly", List.of(Map.of("day", "MONDAY", "start", "09:00", "end", "17:00"))))
                .expectStatus().isBadRequest().expectBody().returnResult().getResponseBody());

        assertThat(answer).contains("unknown-time-zone").contains("Europe/xxx").doesNotContain("x".repeat(41));
        assertThat(answer.length()).isLessThan(600);
    }

    @Test
    void aNulInTheTimeZoneIsRefusedAsAControlCharacter() {
        put(Map.of("timeZone", "Europe/\u0000Berlin", "sessionMinutes", 50, "bufferMinutes", 10,
                "weekly", List.of(Map.of("day", "MONDAY", "start", "09:00", "end", "17:00"))))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("timeZone")
                .jsonPath("$.errors[0].message").isEqualTo("must not contain control characters");
    }

    @Test
    void aWindowShorterThanOneSessionIsRefusedAlsoWhenTheSessionWouldPassMidnight() {
        put(Map.of("timeZone", "Europe/Berlin", "sessionMinutes", 50, "bufferMinutes", 10,
                "weekly", List.of(Map.of("day", "MONDAY", "start", "23:30", "end", "23:59"))))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:window-too-short");
    }

    @Test
    void aFractionOfAMinuteIsRefusedNotRoundedDown() {
        put(Map.of("timeZone", "Europe/Berlin", "sessionMinutes", 50, "bufferMinutes", 1.5,
                "weekly", List.of(Map.of("day", "MONDAY", "start", "09:00", "end", "17:00"))))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("bufferMinutes")
                .jsonPath("$.errors[0].message").isEqualTo("must be a whole number");
        web.get().uri("/api/v1/availability").headers(h -> h.setBearerAuth(token("therapist1"))).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.bufferMinutes").isEqualTo(10);
    }

    @Test
    void aPaddedDayIsRefusedWithTheDaysThereAre() {
        put(Map.of("timeZone", "Europe/Berlin", "sessionMinutes", 50, "bufferMinutes", 10,
                "weekly", List.of(Map.of("day", "MONDAY ", "start", "09:00", "end", "17:00"))))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("weekly[0].day")
                .jsonPath("$.errors[0].message")
                .isEqualTo("must be one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY");
    }

    @Test
    void aRuleBetweenFieldsNamesTheEntryItConcerns() {
        put(Map.of("timeZone", "Europe/Berlin", "sessionMinutes", 50, "bufferMinutes", 10,
                "weekly", List.of(Map.of("day", "MONDAY", "start", "09:00", "end", "17:00"),
                        Map.of("day", "TUESDAY", "start", "12:00", "end", "11:00"))))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.type").isEqualTo("urn:teletherapy:problem:window-end-before-start")
                .jsonPath("$.errors[0].field").isEqualTo("weekly[1].end")
                .jsonPath("$.errors[0].code").isEqualTo("window-end-before-start");
        put(Map.of("timeZone", "Europe/Berlin", "sessionMinutes", 50, "bufferMinutes", 10,
                "weekly", List.of(Map.of("day", "MONDAY", "start", "09:00", "end", "12:00"),
                        Map.of("day", "MONDAY", "start", "11:00", "end", "14:00"))))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("weekly[1].start")
                .jsonPath("$.errors[0].code").isEqualTo("overlapping-windows");
        put(Map.of("timeZone", "Europe/Berlin", "sessionMinutes", 50, "bufferMinutes", 10,
                "weekly", List.of(Map.of("day", "MONDAY", "start", "09:00", "end", "12:00")),
                "timeOff", List.of(Map.of("from", "2026-12-24", "to", "2026-12-20"))))
                .expectStatus().isEqualTo(422)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("timeOff[0].to");
        put(Map.of("timeZone", "Mars/Olympus", "sessionMinutes", 50, "bufferMinutes", 10,
                "weekly", List.of(Map.of("day", "MONDAY", "start", "09:00", "end", "12:00"))))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("timeZone");
    }

    private ResponseSpec put(Map<String, ?> body) {
        return web.put().uri("/api/v1/availability").headers(h -> h.setBearerAuth(token("therapist1")))
                .bodyValue(body).exchange();
    }
}
