package org.teletherapy.web.settings;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.teletherapy.web.SignedInPageTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

/** Choosing the page language and a time zone other than the device's. */
class SettingsPageTest extends SignedInPageTest {

    @Test
    void theSettingsShowTheCurrentLanguageAndTheDevicesZone() {
        Document page = Jsoup.parse(web.mutateWith(client()).get().uri("/settings").cookie("tz", "Asia/Tokyo")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());

        assertThat(page.select("label[for=language]").text()).isEqualTo("Language");
        assertThat(page.select("[role=status]")).as("no 'Saved.' before anything was saved").isEmpty();
        assertThat(page.select("#language option[selected]").attr("value")).isEqualTo("en");
        assertThat(page.select("#language option").eachText()).containsExactly("English", "Deutsch");
        assertThat(page.select("#zone option[selected]").text()).isEqualTo("This device’s time zone (now Asia/Tokyo)");
        assertThat(page.select("#zone option").eachAttr("value")).contains("Europe/Berlin", "America/New_York")
                .doesNotContain("CET", "US/Pacific");
    }

    @Test
    void choosingGermanAndAZoneKeepsBothInCookiesAndThePagesFollow() {
        EntityExchangeResult<byte[]> saved = web.mutateWith(client()).mutateWith(csrf()).post().uri("/settings")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .bodyValue("language=de&zone=America%2FNew_York").exchange()
                .expectStatus().is3xxRedirection()
                .expectHeader().location("/settings?saved")
                .expectBody().returnResult();
        ResponseCookie lang = saved.getResponseCookies().getFirst("lang");
        ResponseCookie tz = saved.getResponseCookies().getFirst("tz");
        assertThat(lang.getValue()).isEqualTo("de");
        assertThat(tz.getValue()).isEqualTo("America%2FNew_York");
        assertThat(saved.getResponseCookies().getFirst("tz-chosen").getValue()).isEqualTo("1");

        Document page = Jsoup.parse(web.mutateWith(client()).get().uri("/settings?saved").cookie("lang", "de")
                .cookie("tz", tz.getValue()).cookie("tz-chosen", "1").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody());
        assertThat(page.select("h1").text()).isEqualTo("Sprache und Zeitzone");
        assertThat(page.select("[role=status]").text()).isEqualTo("Gespeichert.");
        assertThat(page.select("#zone option[selected]").attr("value")).isEqualTo("America/New_York");
    }

    @Test
    void backToTheDevicesZoneForgetsTheChoiceAndAnUnknownZoneChangesNothing() {
        EntityExchangeResult<byte[]> automatic = web.mutateWith(client()).mutateWith(csrf()).post().uri("/settings")
                .header("Content-Type", "application/x-www-form-urlencoded").bodyValue("language=en&zone=auto")
                .exchange().expectStatus().is3xxRedirection().expectBody().returnResult();
        assertThat(automatic.getResponseCookies().getFirst("tz-chosen").getMaxAge()).isZero();

        EntityExchangeResult<byte[]> unknown = web.mutateWith(client()).mutateWith(csrf()).post().uri("/settings")
                .header("Content-Type", "application/x-www-form-urlencoded").bodyValue("language=en&zone=Mars%2FOlympus")
                .exchange().expectStatus().is3xxRedirection().expectBody().returnResult();
        assertThat(unknown.getResponseCookies().getFirst("tz")).isNull();
    }

    @Test
    void savingWithoutTheCsrfTokenIsRefused() {
        web.mutateWith(client()).post().uri("/settings").header("Content-Type", "application/x-www-form-urlencoded")
                .bodyValue("language=de").exchange().expectStatus().isForbidden();
    }
}
