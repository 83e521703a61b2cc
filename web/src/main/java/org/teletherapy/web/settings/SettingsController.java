package org.teletherapy.web.settings;

import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import org.teletherapy.web.page.LanguageResolver;
import org.teletherapy.web.page.TimeZones;
import org.teletherapy.web.page.Viewer;
import org.teletherapy.web.page.Viewers;
import reactor.core.publisher.Mono;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/**
 * The page language and the time zone times are shown in. Both are kept in cookies, not in the account: they belong
 * to the device (a laptop at home, a phone abroad), and the browser's own zone stays the default.
 */
@Controller
class SettingsController {

    /** Set when the person chose a zone, so the page script no longer replaces it with the browser's. */
    static final String ZONE_CHOSEN_COOKIE = "tz-chosen";
    static final String AUTOMATIC = "auto";
    private static final Duration A_YEAR = Duration.ofDays(365);

    private final LanguageResolver languages;
    private final Viewers viewers;

    SettingsController(LanguageResolver languages, Viewers viewers) {
        this.languages = languages;
        this.viewers = viewers;
    }

    @GetMapping("/settings")
    String page(ServerWebExchange exchange, Model model) {
        Viewer viewer = viewers.of(exchange);
        model.addAttribute("languages", LanguageResolver.LANGUAGES.stream()
                .map(locale -> new Choice(locale.getLanguage(), locale.getDisplayLanguage(locale))).toList());
        model.addAttribute("language", viewer.locale().getLanguage());
        model.addAttribute("zones", TimeZones.ALL);
        model.addAttribute("zone", viewer.zone().getId());
        model.addAttribute("zoneChosen", exchange.getRequest().getCookies().getFirst(ZONE_CHOSEN_COOKIE) != null);
        return "settings/settings";
    }

    record Choice(String value, String label) {
    }

    @PostMapping("/settings")
    Mono<String> save(ServerWebExchange exchange) {
        return exchange.getFormData().map(form -> {
            languages.setLocaleContext(exchange, new SimpleLocaleContext(Locale.forLanguageTag(value(form, "language"))));
            String zone = value(form, "zone");
            if (AUTOMATIC.equals(zone)) {
                exchange.getResponse().addCookie(cookie(ZONE_CHOSEN_COOKIE, "", Duration.ZERO));
                exchange.getResponse().addCookie(cookie(Viewer.TIME_ZONE_COOKIE, "", Duration.ZERO));
            } else if (TimeZones.ALL.contains(zone)) {
                exchange.getResponse().addCookie(cookie(Viewer.TIME_ZONE_COOKIE,
                        URLEncoder.encode(ZoneId.of(zone).getId(), StandardCharsets.UTF_8), A_YEAR));
                exchange.getResponse().addCookie(cookie(ZONE_CHOSEN_COOKIE, "1", A_YEAR));
            }
            return "redirect:/settings?saved";
        });
    }

    private static String value(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.trim();
    }

    // Not HttpOnly: the page script reads the zone cookies to keep the browser's zone unless one was chosen.
    private static ResponseCookie cookie(String name, String value, Duration maxAge) {
        return ResponseCookie.from(name, value).path("/").sameSite("Lax").maxAge(maxAge).build();
    }
}
