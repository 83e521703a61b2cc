package org.teletherapy.web.page;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpCookie;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Times as a person reads them: their zone (across daylight saving), their language. */
class ViewerTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void theSameUtcHourReadsOneHourLaterInBerlinOnceSummerTimeBegins() {
        Viewer german = new Viewer(Locale.GERMAN, BERLIN);

        // Summer time begins on 28 March 2027 at 01:00 UTC.
        assertThat(german.dateTime(Instant.parse("2027-03-27T08:00:00Z"))).isEqualTo("Samstag, 27. März 2027, 09:00");
        assertThat(german.dateTime(Instant.parse("2027-03-28T08:00:00Z"))).isEqualTo("Sonntag, 28. März 2027, 10:00");
    }

    @Test
    void englishReadersGetTheirOwnFormat() {
        Viewer english = new Viewer(Locale.ENGLISH, ZoneId.of("America/New_York"));

        // Newer JDKs put a narrow no-break space before "AM".
        assertThat(english.dateTime(Instant.parse("2026-12-04T10:00:00Z")).replace('\u202F', ' '))
                .isEqualTo("Friday, December 4, 2026, 5:00 AM");
    }

    @Test
    void theBrowsersZoneComesFromItsCookieAndAnUnusableOneFallsBack() {
        assertThat(zoneOf("Europe%2FBerlin")).isEqualTo(BERLIN);
        assertThat(zoneOf("Europe/Berlin")).isEqualTo(BERLIN);
        assertThat(zoneOf("Mars/Olympus")).isEqualTo(ZoneId.of("UTC"));
        assertThat(zoneOf("%E0%A4%A")).isEqualTo(ZoneId.of("UTC"));
    }

    private static ZoneId zoneOf(String cookie) {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/")
                .cookie(new HttpCookie(Viewer.TIME_ZONE_COOKIE, cookie)));
        return Viewer.of(exchange, ZoneId.of("UTC")).zone();
    }
}
