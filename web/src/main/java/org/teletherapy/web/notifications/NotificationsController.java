package org.teletherapy.web.notifications;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import org.teletherapy.web.api.Api;
import org.teletherapy.web.api.ApiProblem;
import org.teletherapy.web.home.Section;
import org.teletherapy.web.page.Viewer;
import org.teletherapy.web.page.Viewers;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which e-mails a person gets from notifications-service, and what was sent to them. The choices live in that
 * service, not in a cookie: they follow the person to every device, and the mail's unsubscribe link changes them too.
 */
@Controller
class NotificationsController {

    static final String PREFERENCES = "/api/v1/notification-preferences";
    static final String DELIVERIES = "/api/v1/notification-preferences/deliveries";

    static final String LEAD_TIMES = "reminderLeadMinutes";

    private final Api api;
    private final Viewers viewers;

    NotificationsController(Api api, Viewers viewers) {
        this.api = api;
        this.viewers = viewers;
    }

    @GetMapping("/settings/notifications")
    Mono<String> page(@AuthenticationPrincipal OidcUser user, ServerWebExchange exchange, Model model) {
        if (!receivesMail(user)) {
            model.addAttribute("noMail", true);
            return Mono.just("notifications/notifications");
        }
        Viewer viewer = viewers.of(exchange);
        return Mono.zip(api.get(PREFERENCES, Choices.class).map(choices -> new Loaded(choices, false))
                                .onErrorResume(Section::isOutage, outage -> Mono.just(new Loaded(null, true))),
                        Section.of(api.list(DELIVERIES, Sent.class)))
                .map(parts -> {
                    Loaded loaded = parts.getT1();
                    if (loaded.choices() != null) {
                        model.addAttribute("form", NotificationsForm.of(loaded.choices(), isClient(user), Map.of()));
                    }
                    model.addAttribute("unavailable", loaded.unavailable());
                    model.addAttribute("log", DeliveryLog.of(parts.getT2(), viewer));
                    return "notifications/notifications";
                });
    }

    @PostMapping("/settings/notifications")
    Mono<String> save(@AuthenticationPrincipal OidcUser user, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Choices ticked = chosen(form, user);
            // Turning reminders off while unticking every time keeps the stored times for when they are turned on.
            Mono<Choices> chosen = ticked.reminderLeadMinutes().isEmpty() && !ticked.reminders()
                    ? api.get(PREFERENCES, Choices.class).map(stored -> new Choices(ticked.confirmations(), false,
                            ticked.homework(), stored.reminderLeadMinutes()))
                    : Mono.just(ticked);
            return chosen.flatMap(choices -> api.put(PREFERENCES, choices, Choices.class))
                    .thenReturn("redirect:/settings/notifications?saved")
                    .onErrorResume(failure -> refused(failure, ticked, user, model));
        });
    }

    /** What was ticked stays ticked, with the API's reason beside the field it concerns, or "not saved" in an outage. */
    private Mono<String> refused(Throwable failure, Choices chosen, OidcUser user, Model model) {
        Map<String, String> errors;
        if (failure instanceof ApiProblem problem && problem.status().is4xxClientError()) {
            errors = problem.errors().stream().collect(Collectors.toMap(
                    error -> error.field().replaceAll("\\[\\d+]$", ""), ApiProblem.FieldError::message,
                    (first, second) -> first));
            if (errors.isEmpty()) {
                errors = Map.of(LEAD_TIMES, problem.detail() == null ? "" : problem.detail());
            }
        } else if (Section.isOutage(failure)) {
            errors = Map.of();
            model.addAttribute("notSaved", true);
        } else {
            return Mono.error(failure);
        }
        model.addAttribute("form", NotificationsForm.of(chosen, isClient(user), errors));
        model.addAttribute("unavailable", false);
        return Mono.just("notifications/notifications");
    }

    private static Choices chosen(MultiValueMap<String, String> form, OidcUser user) {
        List<Integer> leads = form.getOrDefault("lead", List.of()).stream()
                .filter(value -> value.matches("\\d{1,6}")).map(Integer::valueOf).distinct().toList();
        // Homework mail goes to clients only: a therapist's form has no such box and sends the default (true), which
        // no mail ever uses for them.
        boolean homework = !isClient(user) || form.containsKey("homework");
        return new Choices(form.containsKey("confirmations"), form.containsKey("reminders"), homework, leads);
    }

    /** Operators get no mail from the platform: they watch its health, not sessions. */
    private static boolean receivesMail(OidcUser user) {
        return user.getAuthorities().stream().anyMatch(authority -> "ROLE_CLIENT".equals(authority.getAuthority())
                || "ROLE_THERAPIST".equals(authority.getAuthority()));
    }

    private static boolean isClient(OidcUser user) {
        return user.getAuthorities().stream().anyMatch(authority -> "ROLE_CLIENT".equals(authority.getAuthority()));
    }

    /** The API's preference document, both ways. */
    record Choices(boolean confirmations, boolean reminders, boolean homework, List<Integer> reminderLeadMinutes) {
    }

    /** One line of the API's delivery log. */
    record Sent(String kind, String status, java.time.Instant dueAt, java.time.Instant sentAt, int attempts) {
    }

    private record Loaded(Choices choices, boolean unavailable) {
    }
}
