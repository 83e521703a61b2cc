package org.teletherapy.web.availability;

import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import org.teletherapy.web.api.Api;
import org.teletherapy.web.api.ApiProblem;
import org.teletherapy.web.home.Section;
import org.teletherapy.web.page.Roles;
import org.teletherapy.web.page.TimeZones;
import org.teletherapy.web.page.Viewer;
import org.teletherapy.web.page.Viewers;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A therapist's bookable week: windows per day, session length, buffer, time zone and days off, and beside it the
 * times that result for the next two weeks. The API validates everything; what it refuses is said next to the field,
 * with what was typed still there.
 */
@Controller
class AvailabilityController {

    static final Duration PREVIEW = Duration.ofDays(14);

    private final Api api;
    private final Viewers viewers;
    private final TherapistZone zones;
    private final MessageSource messages;
    private final Clock clock;

    AvailabilityController(Api api, Viewers viewers, TherapistZone zones, MessageSource messages, Clock clock) {
        this.api = api;
        this.viewers = viewers;
        this.zones = zones;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/availability")
    Mono<String> page(Authentication signedIn, ServerWebExchange exchange, Model model) {
        UUID therapist = Roles.requireTherapist(signedIn);
        Viewer viewer = viewers.of(exchange);
        return api.get("/api/v1/availability", AvailabilityBody.class)
                .map(body -> AvailabilityForm.of(body, viewer.locale()))
                .onErrorResume(ApiProblem.class, problem -> problem.status().value() == 404
                        ? Mono.just(AvailabilityForm.empty(viewer.zone().getId(), viewer.locale()))
                        : Mono.error(problem))
                .flatMap(form -> preview(therapist, TherapistZone.inZone(viewer, form.timeZone()))
                        .map(preview -> render(form, preview, false, model)));
    }

    @PostMapping("/availability")
    Mono<String> save(Authentication signedIn, ServerWebExchange exchange, Model model) {
        UUID therapist = Roles.requireTherapist(signedIn);
        Viewer viewer = viewers.of(exchange);
        return exchange.getFormData().flatMap(data -> {
            AvailabilityForm typed = AvailabilityForm.typed(data, viewer.locale());
            return api.put("/api/v1/availability", typed.body(), AvailabilityBody.class)
                    .thenReturn("redirect:/availability?saved")
                    .onErrorResume(Section::isOutage, outage -> savedPreview(therapist, viewer)
                            .map(preview -> render(typed, preview, true, model)))
                    .onErrorResume(Section::isRefusal, problem -> savedPreview(therapist, viewer)
                            .map(preview -> render(typed.refused((ApiProblem) problem, (key, arguments) ->
                                    messages.getMessage(key, arguments, null, viewer.locale())), preview, false, model)));
        });
    }

    private String render(AvailabilityForm form, SlotPreview preview, boolean notSaved, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("preview", preview);
        model.addAttribute("notSaved", notSaved);
        List<String> zones = TimeZones.ALL;
        if (!form.timeZone().isEmpty() && !zones.contains(form.timeZone())) {
            zones = new ArrayList<>(zones);
            zones.add(0, form.timeZone());
        }
        model.addAttribute("zones", zones);
        return "availability/availability";
    }

    /** The next two weeks as the API offers them to clients, in the therapist's zone. */
    private Mono<SlotPreview> preview(UUID therapist, Viewer inZone) {
        Instant now = clock.instant();
        return api.list("/api/v1/therapists/{id}/slots?from={from}&to={to}", SlotPreview.Slot.class, therapist, now,
                        now.plus(PREVIEW))
                .map(slots -> SlotPreview.of(slots, inZone))
                .onErrorResume(Section::isOutage, outage -> Mono.just(SlotPreview.unavailable(inZone)));
    }

    /** After a refusal: what the saved availability (unchanged) still offers. */
    private Mono<SlotPreview> savedPreview(UUID therapist, Viewer viewer) {
        return zones.of(viewer).flatMap(inZone -> preview(therapist, inZone));
    }
}
