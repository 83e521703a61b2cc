package org.teletherapy.web.signin;

import org.springframework.context.MessageSource;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.HtmlUtils;
import org.teletherapy.web.page.LanguageResolver;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A form sent without its valid CSRF token: usually one left open while the session ended, or one from before
 * signing in again. Nothing was done; the person is told so in their language, with a way back, instead of a bare 403.
 */
final class ExpiredFormHandler implements ServerAccessDeniedHandler {

    private final MessageSource messages;
    private final LanguageResolver languages;

    ExpiredFormHandler(MessageSource messages, LanguageResolver languages) {
        this.messages = messages;
        this.languages = languages;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        Locale locale = languages.resolveLocaleContext(exchange).getLocale();
        String title = text("form.expired.title", locale);
        String page = """
                <!DOCTYPE html>
                <html lang="%s"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title><link rel="stylesheet" href="/css/app.css"></head>
                <body><main id="main"><section class="narrow"><h1>%s</h1><div class="card"><p>%s</p>
                <p class="actions"><a class="button primary" href="/">%s</a></p></div></section></main></body></html>
                """.formatted(locale.getLanguage(), title, title, text("form.expired.text", locale),
                text("error.home", locale));
        exchange.getResponse().setStatusCode(HttpStatus.FORBIDDEN);
        exchange.getResponse().getHeaders().setContentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8));
        DataBuffer body = exchange.getResponse().bufferFactory().wrap(page.getBytes(StandardCharsets.UTF_8));
        return exchange.getResponse().writeWith(Mono.just(body));
    }

    private String text(String key, Locale locale) {
        return HtmlUtils.htmlEscape(messages.getMessage(key, null, locale));
    }
}
