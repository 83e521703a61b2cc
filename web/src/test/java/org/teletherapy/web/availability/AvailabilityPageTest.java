package org.teletherapy.web.availability;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.web.SignedInPageTest;
import org.teletherapy.web.StandInApi.Answer;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.teletherapy.web.TherapistFixtures.availability;
import static org.teletherapy.web.TherapistFixtures.list;
import static org.teletherapy.web.TherapistFixtures.slot;

/** The availability form: what is saved, the API's refusals next to the fields with what was typed, the preview. */
class AvailabilityPageTest extends SignedInPageTest {

    static final String SLOTS = "/api/v1/therapists/" + THERAPIST + "/slots";
    static final String FILLED = "timeZone=Europe%2FBerlin&sessionMinutes=50&bufferMinutes=10"
            + "&w-monday-0-start=09%3A00&w-monday-0-end=17%3A00"
            + "&w-tuesday-0-start=&w-tuesday-0-end="
            + "&w-wednesday-0-start=09%3A00&w-wednesday-0-end=12%3A00&w-wednesday-1-start=14%3A00&w-wednesday-1-end=18%3A00"
            + "&off-0-from=2026-12-24&off-0-to=2026-12-31";

    @BeforeEach
    void aTherapistWithAvailability() {
        web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        API.answer("/api/v1/availability", Answer.json(availability("Europe/Berlin")));
        API.answer(SLOTS, Answer.json("[]"));
    }

    @Test
    void theSavedAvailabilityFillsTheFormAndThePreviewListsTheNextTwoWeeksByDayInTheTherapistsZone() {
        Instant monday = LocalDate.now(ZoneId.of("Europe/Berlin")).plusDays(3).atTime(9, 0)
                .atZone(ZoneId.of("Europe/Berlin")).toInstant();
        API.answer(SLOTS, Answer.json(list(List.of(slot(monday), slot(monday.plusSeconds(3600)),
                slot(monday.plusSeconds(86_400))))));

        Document page = page("en");

        assertThat(page.select("#timeZone").val()).isEqualTo("Europe/Berlin");
        assertThat(page.select("#sessionMinutes").val()).isEqualTo("50");
        assertThat(page.select("#bufferMinutes").val()).isEqualTo("10");
        assertThat(page.select("#w-monday-0-start").val()).isEqualTo("09:00");
        assertThat(page.select("#w-monday-0-end").val()).isEqualTo("17:00");
        // Each day one more, empty row to add a window.
        assertThat(page.select("#w-monday-1-start").val()).isEmpty();
        assertThat(page.select("#w-wednesday-1-start").val()).isEqualTo("14:00");
        assertThat(page.select("#w-tuesday-0-start").val()).isEmpty();
        assertThat(page.select("label[for=w-wednesday-1-start]").text()).isEqualTo("Wednesday, window 2: From");
        assertThat(page.select("#off-0-from").val()).isEqualTo("2026-12-24");
        assertThat(page.select("#off-1-from").val()).isEmpty();
        assertThat(page.select("datalist#zone-list option[value=Europe/Berlin]")).hasSize(1);

        assertThat(page.select(".preview-count").text()).isEqualTo("3 bookable times");
        assertThat(page.select(".preview-days > li")).hasSize(2);
        assertThat(page.select(".preview-days > li").first().select(".time-chips li").eachText())
                .containsExactly("9:00 AM", "10:00 AM");
        assertThat(page.select(".preview .hint").first().text()).contains("in Europe/Berlin");
        String query = API.querySentTo("GET", SLOTS);
        Instant from = Instant.parse(query.replaceAll("from=([^&]+)&.*", "$1").replace("%3A", ":"));
        Instant to = Instant.parse(query.replaceAll(".*to=", "").replace("%3A", ":"));
        assertThat(Duration.between(from, to)).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void whatIsTypedGoesToTheApiAsTypedAndASaveComesBackToThePage() {
        API.answer("PUT /api/v1/availability", Answer.json(availability("Europe/Berlin")));

        String location = post(FILLED).expectStatus().is3xxRedirection().returnResult(Void.class)
                .getResponseHeaders().getLocation().toString();

        assertThat(location).isEqualTo("/availability?saved");
        assertThat(API.bodySentTo("PUT", "/api/v1/availability")).isEqualTo("{\"timeZone\":\"Europe/Berlin\","
                + "\"sessionMinutes\":50,\"bufferMinutes\":10,\"weekly\":["
                + "{\"day\":\"MONDAY\",\"start\":\"09:00\",\"end\":\"17:00\"},"
                + "{\"day\":\"WEDNESDAY\",\"start\":\"09:00\",\"end\":\"12:00\"},"
                + "{\"day\":\"WEDNESDAY\",\"start\":\"14:00\",\"end\":\"18:00\"}],"
                + "\"timeOff\":[{\"from\":\"2026-12-24\",\"to\":\"2026-12-31\"}]}");
        Document saved = Jsoup.parse(web.mutateWith(therapist()).get().uri(location).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(saved.select("[role=status]").text()).startsWith("Saved.");
    }

    @Test
    void theApisValidationMessagesStandNextToTheFieldsTheyNameAndWhatWasTypedStays() {
        API.answer("PUT /api/v1/availability", new Answer(400, "application/problem+json", """
                {"type":"urn:teletherapy:problem:validation","title":"Invalid request","status":400,
                 "detail":"Some fields are missing or invalid.","errors":[
                  {"field":"sessionMinutes","message":"must be greater than or equal to 15"},
                  {"field":"weekly[2].end","message":"must not be null"}]}
                """));

        Document page = Jsoup.parse(post(FILLED.replace("sessionMinutes=50", "sessionMinutes=5")
                .replace("w-wednesday-1-end=18%3A00", "w-wednesday-1-end="))
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());

        assertThat(page.select("#sessionMinutes").val()).isEqualTo("5");
        assertThat(page.select("#sessionMinutes").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#sessionMinutes").attr("aria-describedby")).isEqualTo("sessionMinutes-error");
        assertThat(page.select("#sessionMinutes-error").text()).isEqualTo("must be greater than or equal to 15");
        // The third window sent is Wednesday's second: its missing end is said there.
        assertThat(page.select("#w-wednesday-1-start").val()).isEqualTo("14:00");
        assertThat(page.select("#w-wednesday-1-end-error").text()).isEqualTo("Please fill this in.");
        assertThat(page.select("#w-monday-0-start").val()).isEqualTo("09:00");
        assertThat(page.select("#off-0-to").val()).isEqualTo("2026-12-31");
        assertThat(page.select(".error-summary[role=alert] li").eachText()).containsExactly(
                "Session length (minutes): must be greater than or equal to 15",
                "Wednesday, window 2, Until: Please fill this in.");
        assertThat(page.select(".error-summary a").eachAttr("href"))
                .containsExactly("#sessionMinutes", "#w-wednesday-1-end");
        assertThat(page.select(".preview").text()).contains("the changes on the left are not saved");
    }

    @Test
    void aRuleBetweenFieldsIsSaidInThePagesLanguageNextToTheWindowItConcerns() {
        API.answer("PUT /api/v1/availability", new Answer(422, "application/problem+json", """
                {"type":"urn:teletherapy:problem:overlapping-windows","title":"Invalid availability","status":422,
                 "detail":"Two WEDNESDAY windows overlap.",
                 "errors":[{"field":"weekly[2].start","code":"overlapping-windows","message":"overlaps another window of the day"}]}
                """));

        Document page = Jsoup.parse(web.mutateWith(therapist()).mutateWith(csrf()).post().uri("/availability")
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", "de-DE")
                .bodyValue(FILLED.replace("w-wednesday-1-start=14%3A00", "w-wednesday-1-start=11%3A00")).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());

        assertThat(page.select("#w-wednesday-1-start").val()).isEqualTo("11:00");
        assertThat(page.select("#w-wednesday-1-start-error").text())
                .isEqualTo("Überschneidet sich mit einem anderen Zeitfenster desselben Tages.");
        assertThat(page.select(".error-summary h2").text()).isEqualTo("Ihre Verfügbarkeit wurde nicht gespeichert");
    }

    @Test
    void anUnknownTimeZoneIsSaidNextToTheZoneField() {
        API.answer("PUT /api/v1/availability", new Answer(400, "application/problem+json", """
                {"type":"urn:teletherapy:problem:unknown-time-zone","title":"Unknown time zone","status":400,
                 "detail":"'Mars/Olympus' is not a region-based IANA time zone such as Europe/Berlin.",
                 "errors":[{"field":"timeZone","code":"unknown-time-zone","message":"is not a region-based IANA time zone"}]}
                """));

        Document page = Jsoup.parse(post(FILLED.replace("Europe%2FBerlin", "Mars%2FOlympus"))
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());

        assertThat(page.select("#timeZone").val()).isEqualTo("Mars/Olympus");
        assertThat(page.select("#timeZone-error").text()).startsWith("Not a time zone we know.");
        assertThat(page.select("#timeZone").attr("aria-describedby")).isEqualTo("timeZone-error timeZone-hint");
    }

    @Test
    void whenTheApiCannotBeReachedNothingTypedIsLostAndThePageSaysSo() {
        API.answer("PUT /api/v1/availability", Answer.problem(503, "service-unavailable"));
        API.answer(SLOTS, Answer.problem(503, "service-unavailable"));

        Document page = Jsoup.parse(post(FILLED.replace("sessionMinutes=50", "sessionMinutes=45"))
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());

        assertThat(page.select("[role=alert]").text()).startsWith("Your availability could not be saved right now.");
        assertThat(page.select("#sessionMinutes").val()).isEqualTo("45");
        assertThat(page.select(".preview .notice").text()).contains("cannot be shown right now");
    }

    @Test
    void aTherapistWithoutAvailabilityStartsFromTheUsualLengthInTheirBrowsersZone() {
        API.answer("GET /api/v1/availability", Answer.problem(404, "availability-not-set"));

        Document page = Jsoup.parse(web.mutateWith(therapist()).get().uri("/availability").cookie("tz", "Europe/Vienna")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());

        assertThat(page.select("#timeZone").val()).isEqualTo("Europe/Vienna");
        assertThat(page.select("#sessionMinutes").val()).isEqualTo("50");
        assertThat(page.select("#w-monday-0-start").val()).isEmpty();
        assertThat(page.select(".preview-count").text()).isEqualTo("No bookable times");
    }

    @Test
    void aClientCannotOpenOrPostTheAvailabilityPage() {
        web.mutateWith(client()).get().uri("/availability").exchange().expectStatus().isForbidden();
        web.mutateWith(client()).mutateWith(csrf()).post().uri("/availability")
                .header("Content-Type", "application/x-www-form-urlencoded").bodyValue(FILLED).exchange()
                .expectStatus().isForbidden();
        assertThat(API.bodySentTo("PUT", "/api/v1/availability")).isNull();
    }

    private Document page(String language) {
        return Jsoup.parse(web.mutateWith(therapist()).get().uri("/availability").header("Accept-Language", language)
                .cookie("tz", "America/New_York").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    private WebTestClient.ResponseSpec post(String form) {
        return web.mutateWith(therapist()).mutateWith(csrf()).post().uri("/availability")
                .header("Content-Type", "application/x-www-form-urlencoded").bodyValue(form).exchange();
    }
}
