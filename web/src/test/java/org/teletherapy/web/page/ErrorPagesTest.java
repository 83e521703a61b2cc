package org.teletherapy.web.page;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.teletherapy.web.SignedInPageTest;
import org.teletherapy.web.StandInApi.Answer;

import static org.assertj.core.api.Assertions.assertThat;

/** What a person sees when a whole page cannot be shown: in their language, with a way back, never a stack trace. */
class ErrorPagesTest extends SignedInPageTest {

    static final String SESSION = "6a1d0000-0000-4000-8000-000000000042";

    @Test
    void aSessionTheApiDoesNotKnowIsAFriendlyNotFoundPage() {
        API.answer("/api/v1/sessions/" + SESSION, Answer.problem(404, "session-not-found"));

        Document page = page("/sessions/" + SESSION, 404, "en");

        assertThat(page.select("h1").text()).isEqualTo("Page not found");
        assertThat(page.select("a.button").attr("href")).isEqualTo("/");
        assertThat(page.select("nav a").eachText()).contains("Home", "Book");
    }

    @Test
    void anAddressWithoutAPageIsTheSameNotFoundPage() {
        Document page = page("/no-such-page", 404, "de");
        assertThat(page.select("h1").text()).isEqualTo("Seite nicht gefunden");
    }

    @Test
    void whatTheApiRefusesThisAccountIsAForbiddenPage() {
        API.answer("/api/v1/sessions/" + SESSION, Answer.problem(403, "forbidden"));

        assertThat(page("/sessions/" + SESSION, 403, "en").select("h1").text()).isEqualTo("Not for this account");
    }

    @Test
    void aServiceThatIsDownIsATemporarilyUnavailablePage() {
        API.answer("/api/v1/sessions/" + SESSION, Answer.problem(503, "service-unavailable"));

        Document page = page("/sessions/" + SESSION, 503, "en");

        assertThat(page.select("h1").text()).isEqualTo("Temporarily unavailable");
        assertThat(page.text()).contains("Your information is safe").doesNotContain("Exception");
    }

    @Test
    void aFaultOfOursIsAPageWithoutItsDetails() {
        API.answer("/api/v1/sessions/" + SESSION, Answer.json("{\"id\":\"" + SESSION + "\",\"start\":\"not a time\"}"));

        Document page = page("/sessions/" + SESSION, 500, "en");

        assertThat(page.select("h1").text()).isEqualTo("Temporarily unavailable");
        assertThat(page.text()).doesNotContain("not a time").doesNotContain("Exception");
    }

    @Test
    void aFormSentWithoutItsCsrfTokenSaysNothingWasDoneInThePersonsLanguage() {
        String html = web.mutateWith(client()).post().uri("/settings").cookie("lang", "de")
                .header("Content-Type", "application/x-www-form-urlencoded").bodyValue("language=en").exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();

        Document page = Jsoup.parse(html);
        assertThat(page.select("h1").text()).isEqualTo("Dieses Formular ist abgelaufen");
        assertThat(page.select("html").attr("lang")).isEqualTo("de");
        assertThat(page.select("a.button").attr("href")).isEqualTo("/");
    }

    private Document page(String path, int status, String language) {
        return Jsoup.parse(web.mutateWith(client()).get().uri(path).cookie("lang", language)
                .accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isEqualTo(status).expectBody(String.class).returnResult().getResponseBody());
    }
}
