package org.teletherapy.web.notes;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import org.teletherapy.web.api.Api;
import org.teletherapy.web.page.TherapistOnly;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A note must survive the end of a sign-in. The editor's script knows how long the web session lasts without a
 * request (its idle timeout, which the realm's SSO idle timeout matches), warns before it ends, and can keep it: a
 * request here counts as activity for the web session, and its API call refreshes the access token when due, which
 * keeps the Keycloak session alive too. After the session ended, the script keeps the typed text in the page and
 * asks here until the person has signed in again (in another tab, {@code /notes/signed-in}); the answer carries the
 * new session's CSRF token, with which the script saves the draft.
 */
@Controller
class SignInKeeping {

    private final Api api;

    SignInKeeping(Api api) {
        this.api = api;
    }

    /** Signed in: the CSRF token forms must send now. Not signed in: the usual redirect to signing in. */
    @GetMapping(value = "/notes/session", produces = "application/json")
    @ResponseBody
    Mono<ResponseEntity<Map<String, Object>>> session(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return TherapistOnly.check(exchange)
                // Any call with the user's token will do: it is refreshed first if it has expired. Not audited.
                .then(api.list("/api/v1/notes/due", Object.class).onErrorResume(failure -> Mono.just(List.of())))
                .then(Mono.zip(token == null ? Mono.<CsrfToken>empty() : token, exchange.getSession()))
                .map(found -> {
                    Map<String, Object> answer = new LinkedHashMap<>();
                    answer.put("csrfParameter", found.getT1().getParameterName());
                    answer.put("csrfToken", found.getT1().getToken());
                    answer.put("idleSeconds", found.getT2().getMaxIdleTime().toSeconds());
                    return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(answer);
                });
    }

    /** Where "sign in again" leads (in a new tab): signing in comes first, then this says to go back. */
    @GetMapping("/notes/signed-in")
    Mono<String> signedInAgain(ServerWebExchange exchange) {
        return TherapistOnly.check(exchange).thenReturn("notes/signed-in");
    }

    /** The editor pages' timing: how long the web session lasts without a request. */
    @ControllerAdvice(assignableTypes = {NotesController.class, NoteController.class})
    static class IdleTimeout {

        /** How long before the end the page warns: long enough to read the warning and press the button. */
        static final long WARN_SECONDS = 120;

        @ModelAttribute("idleSeconds")
        Mono<Long> idleSeconds(ServerWebExchange exchange) {
            return exchange.getSession().map(WebSession::getMaxIdleTime).map(idle -> idle.toSeconds());
        }

        @ModelAttribute("warnSeconds")
        long warnSeconds() {
            return WARN_SECONDS;
        }
    }
}
