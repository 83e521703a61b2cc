package org.teletherapy.notifications.preference;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.teletherapy.service.openapi.ProblemTypes;
import org.teletherapy.service.problem.FieldProblem;
import org.teletherapy.service.problem.ProblemException;
import org.teletherapy.service.security.Caller;
import org.teletherapy.service.security.Role;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;

/** The caller's own notification choices, and the one-click unsubscribe of the links in messages. */
@RestController
@RequestMapping("/api/v1/notification-preferences")
class PreferenceController {

    private final Preferences preferences;
    private final UnsubscribeTokens tokens;
    private final Clock clock;

    PreferenceController(Preferences preferences, UnsubscribeTokens tokens, Clock clock) {
        this.preferences = preferences;
        this.tokens = tokens;
        this.clock = clock;
    }

    /**
     * @param reminderLeadMinutes how long before a session each reminder goes out (15 minutes to 7 days, at most 3)
     */
    record PreferenceBody(@NotNull Boolean confirmations, @NotNull Boolean reminders, @NotNull Boolean homework,
                          @NotNull @Size(min = 1, max = 3) List<@NotNull @Min(15) @Max(10080) Integer> reminderLeadMinutes) {

        static PreferenceBody of(Preference preference) {
            return new PreferenceBody(preference.confirmations(), preference.reminders(), preference.homework(),
                    preference.reminderLeadMinutes());
        }

        Preference preference() {
            return new Preference(confirmations, reminders, homework,
                    reminderLeadMinutes.stream().sorted(java.util.Comparator.reverseOrder()).toList());
        }
    }

    @GetMapping
    @PreAuthorize("hasAnyRole('CLIENT', 'THERAPIST')")
    Mono<PreferenceBody> mine(@AuthenticationPrincipal Jwt jwt) {
        Caller caller = Caller.from(jwt);
        return preferences.of(caller.id(), caller.is(Role.THERAPIST)).map(PreferenceBody::of);
    }

    @ProblemTypes(badRequest = "duplicate-lead-time")
    @PutMapping
    @PreAuthorize("hasAnyRole('CLIENT', 'THERAPIST')")
    Mono<PreferenceBody> choose(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PreferenceBody body) {
        if (new HashSet<>(body.reminderLeadMinutes()).size() != body.reminderLeadMinutes().size()) {
            throw new DuplicateLeadTimeException();
        }
        Caller caller = Caller.from(jwt);
        return preferences.save(caller.id(), body.preference(), clock.instant())
                .then(preferences.of(caller.id(), caller.is(Role.THERAPIST)))
                .map(PreferenceBody::of);
    }

    record Unsubscribed(String category, boolean subscribed) {
    }

    /** RFC 8058 one-click: the mail program POSTs {@code List-Unsubscribe=One-Click}; the signed token is the proof. */
    @ProblemTypes(badRequest = "invalid-unsubscribe-token")
    @PostMapping("/unsubscribe")
    Mono<Unsubscribed> unsubscribe(@RequestParam String token) {
        UnsubscribeTokens.Unsubscribe unsubscribe = tokens.verify(token).orElseThrow(InvalidUnsubscribeTokenException::new);
        return preferences.optOut(unsubscribe.userId(), unsubscribe.category(), clock.instant())
                .thenReturn(new Unsubscribed(unsubscribe.category().wireName(), false));
    }

    /** The link in the message's text: a page that asks before it changes anything (link checkers follow links). */
    @ProblemTypes(badRequest = "invalid-unsubscribe-token")
    @GetMapping(value = "/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
    Mono<String> confirmUnsubscribe(@RequestParam String token) {
        UnsubscribeTokens.Unsubscribe unsubscribe = tokens.verify(token).orElseThrow(InvalidUnsubscribeTokenException::new);
        return Mono.just("""
                <!doctype html><html><head><meta charset="utf-8"><title>Unsubscribe</title></head><body>
                <form method="post"><p>Stop e-mails of this kind (%s)? / Keine E-Mails dieser Art mehr (%s)?</p>
                <input type="hidden" name="List-Unsubscribe" value="One-Click">
                <button type="submit">Unsubscribe / Abbestellen</button></form></body></html>"""
                .formatted(unsubscribe.category().wireName(), unsubscribe.category().wireName()));
    }

    static final class DuplicateLeadTimeException extends ProblemException {
        DuplicateLeadTimeException() {
            super(HttpStatus.BAD_REQUEST, "duplicate-lead-time", "Lead time twice",
                    "Each reminder lead time may be given once.",
                    List.of(new FieldProblem("reminderLeadMinutes", "duplicate", "Each lead time once.")));
        }
    }

    static final class InvalidUnsubscribeTokenException extends ProblemException {
        InvalidUnsubscribeTokenException() {
            super(HttpStatus.BAD_REQUEST, "invalid-unsubscribe-token", "Invalid unsubscribe link",
                    "This unsubscribe link is not valid. Change your choices in the settings instead.");
        }
    }
}
