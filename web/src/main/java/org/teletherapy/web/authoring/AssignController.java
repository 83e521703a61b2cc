package org.teletherapy.web.authoring;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.teletherapy.web.api.Api;
import org.teletherapy.web.api.ApiProblem;
import org.teletherapy.web.authoring.AuthoringViews.SessionOption;
import org.teletherapy.web.home.Section;
import org.teletherapy.web.notes.SessionsAndClients;
import org.teletherapy.web.page.TherapistOnly;
import org.teletherapy.web.page.Viewer;
import org.teletherapy.web.page.Viewers;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Assigning homework to a client: a template of the library (the built-in trust exercises, PHQ-9, GAD-7, or one of
 * the therapist's own), a due date in the therapist's time zone, optionally recurring (daily or weekly until a date)
 * and optionally tied to a session, which keeps it hidden from the client until that session took place.
 */
@Controller
class AssignController {

    private final Api api;
    private final Viewers viewers;
    private final SessionsAndClients known;
    private final MessageSource messages;
    private final Clock clock;

    AssignController(Api api, Viewers viewers, SessionsAndClients known, MessageSource messages, Clock clock) {
        this.api = api;
        this.viewers = viewers;
        this.known = known;
        this.messages = messages;
        this.clock = clock;
    }

    /** What the form holds, as typed. */
    record Assignment(String templateId, String instructions, String dueDate, String dueTime, String repeat,
                      String until, String sessionId) {

        static Assignment from(MultiValueMap<String, String> form) {
            return new Assignment(form.getFirst("templateId"), text(form.getFirst("instructions")),
                    text(form.getFirst("dueDate")), text(form.getFirst("dueTime")), text(form.getFirst("repeat")),
                    text(form.getFirst("until")), text(form.getFirst("sessionId")));
        }

        private static String text(String value) {
            return value == null ? "" : value.replace("\r\n", "\n");
        }
    }

    @GetMapping("/homework-assign")
    Mono<String> form(@RequestParam UUID clientId, @RequestParam(required = false) String templateId,
                      @RequestParam(required = false) String assigned, ServerWebExchange exchange, Model model) {
        Viewer viewer = viewers.of(exchange);
        LocalDate inAWeek = LocalDate.now(clock.withZone(viewer.zone())).plusDays(7);
        Assignment blank = new Assignment(templateId, "", inAWeek.toString(), "18:00", "", "", "");
        model.addAttribute("assigned", assigned);
        return TherapistOnly.check(exchange).then(page(clientId, blank, Map.of(), null, viewer, model));
    }

    @PostMapping("/homework-assign")
    Mono<String> assign(@RequestParam UUID clientId, ServerWebExchange exchange, Model model) {
        Viewer viewer = viewers.of(exchange);
        return TherapistOnly.check(exchange).then(exchange.getFormData()).flatMap(form -> {
            Assignment typed = Assignment.from(form);
            Map<String, String> local = new LinkedHashMap<>();
            Map<String, Object> request = request(clientId, typed, viewer, local);
            if (!local.isEmpty()) {
                exchange.getResponse().setStatusCode(HttpStatus.UNPROCESSABLE_CONTENT);
                return page(clientId, typed, local, null, viewer, model);
            }
            return api.post("/api/v1/assignments", request, Map.class)
                    .map(created -> "redirect:/homework-assign?clientId=" + clientId + "&assigned=" + created.get("id"))
                    .onErrorResume(failure -> {
                        if (failure instanceof ApiProblem problem && !problem.status().is5xxServerError()) {
                            exchange.getResponse().setStatusCode(problem.status());
                            Map<String, String> errors = errorsOf(problem, viewer.locale());
                            return page(clientId, typed, errors, errors.isEmpty() ? problem.detail() : null, viewer, model);
                        }
                        if (Section.isOutage(failure)) {
                            exchange.getResponse().setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
                            return page(clientId, typed, Map.of(), text("assign.notSent", viewer.locale()), viewer, model);
                        }
                        return Mono.error(failure);
                    });
        });
    }

    private Mono<String> page(UUID clientId, Assignment typed, Map<String, String> errors, String problem, Viewer viewer,
                              Model model) {
        return Mono.zip(known.known(), Section.of(api.list(TemplatesController.TEMPLATES, Library.Entry.class)))
                .map(found -> {
                    SessionsAndClients.Known names = found.getT1();
                    String client = names.name(clientId);
                    if (client == null && !names.unavailable()) {
                        // Not on this therapist's caseload: as if there were no such client.
                        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
                    }
                    model.addAttribute("clientId", clientId);
                    model.addAttribute("clientName", client);
                    model.addAttribute("library", Library.entries(found.getT2().items(), typed.templateId()));
                    model.addAttribute("libraryUnavailable", found.getT2().unavailable());
                    model.addAttribute("sessions", names.sessionsOf(clientId).stream()
                            .map(session -> new SessionOption(session.id().toString(), viewer.dateTime(session.start()),
                                    session.id().toString().equals(typed.sessionId())))
                            .toList());
                    model.addAttribute("typed", typed);
                    model.addAttribute("errors", errors);
                    model.addAttribute("problem", problem);
                    model.addAttribute("zone", viewer.zone().getId());
                    return "authoring/assign";
                });
    }

    /**
     * The API's request; dates and times are the therapist's, in their zone. What is not a date at all is said here
     * ({@code local}); every rule about dates (not in the past, the end after the start) is the API's.
     */
    private Map<String, Object> request(UUID clientId, Assignment typed, Viewer viewer, Map<String, String> local) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("clientId", clientId);
        request.put("templateId", typed.templateId());
        if (typed.templateId() == null || typed.templateId().isBlank()) {
            local.put("templateId", text("assign.error.template", viewer.locale()));
        }
        if (!typed.instructions().isBlank()) {
            request.put("instructions", typed.instructions());
        }
        Instant due = instant(typed.dueDate(), typed.dueTime().isBlank() ? "18:00" : typed.dueTime(), viewer);
        if (due == null) {
            local.put("dueAt", text("assign.error.date", viewer.locale()));
        }
        request.put("dueAt", due);
        if ("daily".equals(typed.repeat()) || "weekly".equals(typed.repeat())) {
            Instant until = instant(typed.until(), "23:59", viewer);
            if (until == null) {
                local.put("recurrence.until", text("assign.error.date", viewer.locale()));
            }
            request.put("recurrence", Map.of("frequency", typed.repeat(), "until", String.valueOf(until),
                    "timeZone", viewer.zone().getId()));
        }
        if (!typed.sessionId().isBlank()) {
            request.put("sessionId", typed.sessionId());
        }
        return request;
    }

    private static Instant instant(String date, String time, Viewer viewer) {
        if (date == null || time == null) {
            return null;
        }
        try {
            return LocalDateTime.of(LocalDate.parse(date), LocalTime.parse(time, DateTimeFormatter.ISO_LOCAL_TIME))
                    .atZone(viewer.zone()).toInstant().truncatedTo(ChronoUnit.MINUTES);
        } catch (DateTimeException notADate) {
            return null;
        }
    }

    /** The API's field errors by field ({@code dueAt}, {@code recurrence.until}, {@code sessionId}), worded. */
    private Map<String, String> errorsOf(ApiProblem problem, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ApiProblem.FieldError error : problem.errors()) {
            String field = error.field().startsWith("recurrence") ? "recurrence.until" : error.field();
            String fallback = error.message().isBlank() ? problem.detail() : error.message();
            errors.merge(field, messages.getMessage("assign.error." + error.code(), null,
                    messages.getMessage("assign.problem." + problem.kind(), null, fallback, locale), locale), (a, b) -> a);
        }
        return errors;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
