package org.teletherapy.gateway.web;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The web app is down or too slow: a person in a browser gets a short page that says so (the API may still work,
 * and their data is safe), rather than a JSON problem detail.
 */
@RestController
class WebFallbackController {

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Teletherapy is not available right now</title></head>
            <body style="font-family: system-ui, sans-serif; max-width: 34rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
            <h1>The pages are not available right now</h1>
            <p>Nothing you entered before is lost. Please try again in a few minutes.</p>
            <p lang="de">Die Seiten sind gerade nicht erreichbar. Bereits Eingegebenes bleibt erhalten; bitte versuchen
            Sie es in einigen Minuten erneut.</p>
            </body></html>
            """;

    @RequestMapping("/fallback/web")
    ResponseEntity<String> unavailable() {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.TEXT_HTML)
                .header("Cache-Control", "no-store").header("Retry-After", "30").body(PAGE);
    }
}
