package org.teletherapy.web.caseload;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.web.SignedInPageTest;
import org.teletherapy.web.StandInApi.Answer;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

/** "My clients": the caseload with open safety alerts first, inviting a client, removing one after confirming. */
class CaseloadPageTest extends SignedInPageTest {

    static final String INVITE = "firstName=Rosalind&lastName=Quennell&email=rosalind%40example.org";

    @BeforeEach
    void twoClients() {
        web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        API.answer("/api/v1/care-team", Answer.json(caseload()));
        API.answer("/api/v1/availability", Answer.json(availability("Europe/Berlin")));
        API.answer("/api/v1/sessions", Answer.json("[]"));
        API.answer("/api/v1/assignments", Answer.json("[]"));
        API.answer("/api/v1/safety-alerts", Answer.json("[]"));
        API.answer("/api/v1/measures", Answer.json("[]"));
    }

    @Test
    void eachClientShowsTheNextSessionOpenHomeworkAndTheLatestScoresWithTheirTrendAndAnOpenAlertComesFirst() {
        Instant next = Instant.parse("2027-01-12T08:00:00Z");
        API.answer("/api/v1/sessions", Answer.json(list(List.of(
                session(UUID.randomUUID(), CLARA, "booked", next.plus(7, ChronoUnit.DAYS), null),
                session(UUID.randomUUID(), CLARA, "booked", next, null),
                session(UUID.randomUUID(), CLARA, "cancelled", next.minus(1, ChronoUnit.DAYS), null),
                session(UUID.randomUUID(), CHIDI, "fulfilled", Instant.parse("2026-11-01T08:00:00Z"), null)))));
        API.answer("/api/v1/assignments", Answer.json("[" + assignment(CLARA, "assigned") + "," + assignment(CLARA, "overdue")
                + "," + assignment(CLARA, "reviewed") + "," + assignment(CHIDI, "submitted") + "]"));
        API.answer("/api/v1/measures?clientId=" + CLARA, Answer.json("[" + measure("PHQ-9", 13, "moderate", "2026-10-01")
                + "," + measure("PHQ-9", 8, "mild", "2026-11-01") + "," + measure("GAD-7", 6, "mild", "2026-11-01") + "]"));
        API.answer("/api/v1/measures?clientId=" + CHIDI, Answer.json("[" + measure("PHQ-9", 9, "mild", "2026-10-01")
                + "," + measure("PHQ-9", 12, "moderate", "2026-11-01") + "]"));
        API.answer("/api/v1/safety-alerts", Answer.json("[{\"id\":\"" + UUID.randomUUID() + "\",\"clientId\":\"" + CHIDI
                + "\",\"status\":\"open\",\"instrument\":\"PHQ-9\",\"raisedAt\":\"2026-11-01T09:00:00Z\"}]"));

        Document page = clients("en");

        List<Element> cards = page.select(".client-card");
        assertThat(cards).extracting(card -> card.selectFirst(".client-name").text())
                .containsExactly("Chidi Nwosu", "Clara Meyer");
        Element chidi = cards.get(0);
        assertThat(chidi.hasClass("has-alert")).isTrue();
        assertThat(chidi.select(".tag.alert").text()).isEqualTo("1 open safety alert");
        assertThat(fact(chidi, "Next session")).isEqualTo("none booked");
        assertThat(fact(chidi, "Open homework")).isEqualTo("0");
        assertThat(fact(chidi, "PHQ-9")).isEqualTo("12, moderate ↑ up from 9");
        assertThat(fact(chidi, "GAD-7")).isEqualTo("no result yet");
        Element clara = cards.get(1);
        assertThat(clara.select(".tag.alert")).isEmpty();
        assertThat(fact(clara, "Next session")).isEqualTo("Tuesday, January 12, 2027, 9:00 AM");
        assertThat(fact(clara, "Open homework")).isEqualTo("2");
        assertThat(fact(clara, "PHQ-9")).isEqualTo("8, mild ↓ down from 13");
        assertThat(fact(clara, "GAD-7")).isEqualTo("6, mild");
        assertThat(clara.select(".trend [aria-hidden=true]").text()).isEqualTo("↓");
        assertThat(clara.select("a").eachAttr("href")).contains("/clients/" + CLARA, "/clients/" + CLARA + "/remove");
        assertThat(API.querySentTo("GET", "/api/v1/safety-alerts")).isEqualTo("status=open");
    }

    @Test
    void anInvitationGoesToTheRosterApiAndTheNewClientIsNamedOnTheList() {
        UUID invited = UUID.randomUUID();
        API.answer("POST /api/v1/roster/invitations", new Answer(201, "application/json",
                "{\"clientId\":\"" + invited + "\",\"name\":\"Rosalind Quennell\"}"));

        String location = invite(INVITE, "en").expectStatus().is3xxRedirection().returnResult(Void.class)
                .getResponseHeaders().getLocation().toString();

        assertThat(location).isEqualTo("/clients?invited=" + invited);
        assertThat(API.bodySentTo("POST", "/api/v1/roster/invitations"))
                .isEqualTo("{\"firstName\":\"Rosalind\",\"lastName\":\"Quennell\",\"email\":\"rosalind@example.org\"}");
        API.answer("/api/v1/care-team", Answer.json(caseload().replace("]",
                ",{\"clientId\":\"" + invited + "\",\"name\":\"Rosalind Quennell\"}]")));
        Document page = Jsoup.parse(web.mutateWith(therapist()).get().uri(location).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(page.select("[role=status]").text()).isEqualTo("Rosalind Quennell is invited and on your list.");
        assertThat(page.select(".client-name").eachText()).contains("Rosalind Quennell");
    }

    @Test
    void theApisRefusalsOfAnInvitationStandNextToTheFieldsWithWhatWasTyped() {
        API.answer("POST /api/v1/roster/invitations", new Answer(400, "application/problem+json", """
                {"type":"urn:teletherapy:problem:validation","title":"Invalid request","status":400,
                 "errors":[{"field":"lastName","message":"must not be blank"},
                           {"field":"email","message":"must be a well-formed email address"}]}
                """));

        Document page = Jsoup.parse(invite("firstName=Rosalind&lastName=&email=rosalind-at-example", "en")
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());

        assertThat(page.select("#firstName").val()).isEqualTo("Rosalind");
        assertThat(page.select("#email").val()).isEqualTo("rosalind-at-example");
        assertThat(page.select("#lastName-error").text()).isEqualTo("Please fill this in.");
        assertThat(page.select("#email-error").text()).isEqualTo("must be a well-formed email address");
        assertThat(page.select("#email").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#firstName").hasAttr("aria-invalid")).isFalse();
        assertThat(page.select(".client-card")).hasSize(2);

        API.answer("POST /api/v1/roster/invitations", Answer.problem(409, "account-exists"));
        Document exists = Jsoup.parse(invite(INVITE, "de-DE").expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody());
        assertThat(exists.select("#email-error").text()).startsWith("Diese Adresse gehört zu einem Konto");
    }

    @Test
    void whenAccountsCannotBeCreatedTheFormKeepsWhatWasTyped() {
        API.answer("POST /api/v1/roster/invitations", Answer.problem(503, "identity-unavailable"));

        Document page = Jsoup.parse(invite(INVITE, "en").expectStatus().isOk().expectBody(String.class)
                .returnResult().getResponseBody());

        assertThat(page.select(".invite [role=alert]").text()).startsWith("Invitations cannot be sent right now.");
        assertThat(page.select("#lastName").val()).isEqualTo("Quennell");
    }

    @Test
    void removingAClientIsConfirmedFirstWithTheSessionsThatWillBeCancelled() {
        Instant future = Instant.now().plus(3, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        API.answer("/api/v1/sessions", Answer.json(list(List.of(
                session(UUID.randomUUID(), CLARA, "booked", future, null),
                session(UUID.randomUUID(), CLARA, "booked", future.plus(7, ChronoUnit.DAYS), null),
                session(UUID.randomUUID(), CHIDI, "booked", future, null)))));

        Document confirm = Jsoup.parse(web.mutateWith(therapist()).get().uri("/clients/{id}/remove", CLARA).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());

        assertThat(confirm.select("h1").text()).isEqualTo("Remove Clara Meyer from your clients?");
        assertThat(confirm.select("header nav a").eachText()).containsExactly("My week", "Clients", "Notes", "Templates", "Availability", "Safety alerts", "Settings");
        assertThat(confirm.select(".card").text()).contains("All their future sessions with you will be cancelled")
                .contains("These 2 sessions will be cancelled:");
        assertThat(confirm.select(".series-dates li")).hasSize(2);
        assertThat(confirm.select("main form").attr("action")).isEqualTo("/clients/" + CLARA + "/remove");
        assertThat(API.bodySentTo("DELETE", "/api/v1/roster/clients/" + CLARA)).isNull();

        API.answer("DELETE /api/v1/roster/clients/" + CLARA, new Answer(204, "application/json", ""));
        web.mutateWith(therapist()).mutateWith(csrf()).post().uri("/clients/{id}/remove", CLARA).exchange()
                .expectStatus().is3xxRedirection().expectHeader().location("/clients?removed");
        assertThat(API.tokenSentTo("/api/v1/roster/clients/" + CLARA)).isEqualTo("Bearer therapist1-access-token");
        Document after = Jsoup.parse(web.mutateWith(therapist()).get().uri("/clients?removed").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(after.select("[role=status]").text())
                .isEqualTo("The client was removed from your list and their future sessions were cancelled.");
    }

    @Test
    void someoneNotOnTheCaseloadCannotBeRemovedHere() {
        web.mutateWith(therapist()).get().uri("/clients/{id}/remove", UUID.randomUUID()).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void whenScoresAndAlertsCannotBeReadThePageSaysSoRatherThanShowingNothingToWorryAbout() {
        API.answer("/api/v1/measures", Answer.problem(503, "service-unavailable"));
        API.answer("/api/v1/safety-alerts", Answer.problem(503, "service-unavailable"));
        API.answer("/api/v1/assignments", Answer.problem(503, "service-unavailable"));

        Document page = clients("en");

        assertThat(page.select(".caseload > .notice").text()).contains("Safety alerts cannot be shown right now");
        Element first = page.select(".client-card").first();
        assertThat(fact(first, "PHQ-9")).isEqualTo("cannot be shown right now");
        assertThat(fact(first, "Open homework")).isEqualTo("cannot be shown right now");
    }

    @Test
    void clientsGetTheNotForThisAccountPage() {
        web.mutateWith(client()).get().uri("/clients").exchange().expectStatus().isForbidden();
        web.mutateWith(client()).mutateWith(csrf()).post().uri("/clients/invitations")
                .header("Content-Type", "application/x-www-form-urlencoded").bodyValue(INVITE).exchange()
                .expectStatus().isForbidden();
        assertThat(API.bodySentTo("POST", "/api/v1/roster/invitations")).isNull();
    }

    private Document clients(String language) {
        return Jsoup.parse(web.mutateWith(therapist()).get().uri("/clients").header("Accept-Language", language)
                .cookie("tz", "Europe/Berlin").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
    }

    private WebTestClient.ResponseSpec invite(String form, String language) {
        return web.mutateWith(therapist()).mutateWith(csrf()).post().uri("/clients/invitations")
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept-Language", language)
                .bodyValue(form).exchange();
    }

    private static String fact(Element card, String name) {
        return card.select(".facts > div").stream().filter(fact -> fact.selectFirst("dt").text().equals(name))
                .findFirst().orElseThrow().selectFirst("dd").text();
    }

    private static String assignment(String client, String status) {
        return "{\"id\":\"" + UUID.randomUUID() + "\",\"clientId\":\"" + client + "\",\"status\":\"" + status
                + "\",\"templateTitle\":\"Communication journal\",\"dueAt\":\"2026-12-10T09:00:00Z\"}";
    }

    private static String measure(String instrument, int score, String severity, String day) {
        return "{\"responseId\":\"" + UUID.randomUUID() + "\",\"instrument\":\"" + instrument + "\",\"totalScore\":" + score
                + ",\"severity\":\"" + severity + "\",\"needsFollowUp\":false,\"measuredAt\":\"" + day + "T09:00:00Z\"}";
    }
}
