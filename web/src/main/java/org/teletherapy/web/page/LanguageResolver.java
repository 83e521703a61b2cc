package org.teletherapy.web.page;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.http.HttpCookie;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.i18n.LocaleContextResolver;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The page language: the one the person chose (a cookie), else the browser's preferred one among those we have.
 * Registered as Spring's {@code localeContextResolver}, so message bundles and formats follow it.
 */
@Component("localeContextResolver")
public class LanguageResolver implements LocaleContextResolver {

    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN);
    static final String COOKIE = "lang";

    @Override
    public LocaleContext resolveLocaleContext(ServerWebExchange exchange) {
        HttpCookie chosen = exchange.getRequest().getCookies().getFirst(COOKIE);
        if (chosen != null) {
            Locale locale = supported(chosen.getValue());
            if (locale != null) {
                return new SimpleLocaleContext(locale);
            }
        }
        return new SimpleLocaleContext(preferred(exchange).stream().map(locale -> supported(locale.getLanguage()))
                .filter(Objects::nonNull).findFirst().orElse(Locale.ENGLISH));
    }

    @Override
    public void setLocaleContext(ServerWebExchange exchange, LocaleContext context) {
        Locale locale = context == null ? null : supported(String.valueOf(context.getLocale()));
        exchange.getResponse().addCookie(ResponseCookie.from(COOKIE, locale == null ? "" : locale.getLanguage())
                .path("/").sameSite("Lax").httpOnly(true).maxAge(locale == null ? Duration.ZERO : Duration.ofDays(365))
                .build());
    }

    private static List<Locale> preferred(ServerWebExchange exchange) {
        try {
            return exchange.getRequest().getHeaders().getAcceptLanguageAsLocales();
        } catch (IllegalArgumentException malformedHeader) {
            return List.of();
        }
    }

    static Locale supported(String language) {
        return LANGUAGES.stream().filter(locale -> locale.getLanguage().equals(language)).findFirst().orElse(null);
    }
}
