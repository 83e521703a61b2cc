package org.teletherapy.web.week;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.teletherapy.web.api.Api;
import org.teletherapy.web.api.ApiProblem;
import org.teletherapy.web.availability.TherapistZone;
import org.teletherapy.web.home.ApiViews.CareTeamMember;
import org.teletherapy.web.home.ApiViews.Session;
import org.teletherapy.web.home.Section;
import org.teletherapy.web.page.Roles;
import org.teletherapy.web.page.Viewer;
import org.teletherapy.web.page.Viewers;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * "My week", a therapist's start page: today's sessions with Join video, Complete and No-show when the API allows
 * them, the notes still due, and the week's sessions and free times by day and hour. Recording how a session went
 * goes to the API and back to the same week.
 */
@Controller
class WeekController {

    /** What a therapist records of a session that has begun, by the path of its button. */
    private static final Map<String, String> OUTCOMES = Map.of("complete", "completed", "no-show", "noshow");
    private static final Set<String> RECORDED = Set.of("completed", "noshow");

    private final Api api;
    private final Viewers viewers;
    private final TherapistZone zones;
    private final Clock clock;

    WeekController(Api api, Viewers viewers, TherapistZone zones, Clock clock) {
        this.api = api;
        this.viewers = viewers;
        this.zones = zones;
        this.clock = clock;
    }

    @GetMapping("/week")
    Mono<String> week(Authentication signedIn, @RequestParam(required = false) String week,
                      @RequestParam(required = false) String recorded, ServerWebExchange exchange, Model model) {
        UUID therapist = Roles.requireTherapist(signedIn);
        if (recorded != null && RECORDED.contains(recorded)) {
            model.addAttribute("recorded", recorded);
        }
        return render(therapist, week, viewers.of(exchange), model);
    }

    @PostMapping("/week/sessions/{id}/{outcome:complete|no-show}")
    Mono<String> record(Authentication signedIn, @PathVariable UUID id, @PathVariable String outcome,
                        ServerWebExchange exchange, Model model) {
        UUID therapist = Roles.requireTherapist(signedIn);
        Viewer viewer = viewers.of(exchange);
        return exchange.getFormData().flatMap(form -> {
            String week = form.getFirst("week");
            return api.post("/api/v1/sessions/{id}/" + outcome, Map.of(), Session.class, id)
                    .map(done -> "redirect:/week?week=" + WeekOf.parse(week, done.start().atZone(viewer.zone())
                            .toLocalDate()).iso() + "&recorded=" + OUTCOMES.get(outcome))
                    .onErrorResume(Section::isRefusal, problem -> {
                        // Not yet begun, or recorded meanwhile (another tab): the week as it is now, and why not.
                        model.addAttribute("problem", ((ApiProblem) problem).kind());
                        return render(therapist, week, viewer, model);
                    });
        });
    }

    private Mono<String> render(UUID therapist, String asked, Viewer viewer, Model model) {
        Instant now = clock.instant();
        return zones.of(viewer).flatMap(inZone -> {
            WeekOf week = WeekOf.parse(asked, now.atZone(inZone.zone()).toLocalDate());
            Instant from = week.monday().atStartOfDay(inZone.zone()).toInstant();
            Instant to = week.next().monday().atStartOfDay(inZone.zone()).toInstant();
            // A week that is over has nothing free to offer: the API would answer an empty list.
            Mono<Section<TherapistWeek.Slot>> slots = to.isAfter(now)
                    ? Section.of(api.list("/api/v1/therapists/{id}/slots?from={from}&to={to}", TherapistWeek.Slot.class,
                            therapist, from, to))
                    : Mono.just(new Section<>(List.of(), false));
            return Mono.zip(Section.of(api.list("/api/v1/sessions", Session.class)), slots,
                            Section.of(api.list("/api/v1/notes/due", TherapistWeek.DueNote.class)),
                            Section.of(api.list("/api/v1/care-team", CareTeamMember.class)))
                    .map(found -> {
                        model.addAttribute("week", TherapistWeek.of(week, found.getT1(), found.getT2(), found.getT3(),
                                names(found.getT4()), inZone, now));
                        return "week/week";
                    });
        });
    }

    static Map<UUID, String> names(Section<CareTeamMember> careTeam) {
        return careTeam.items().stream().filter(member -> member.clientId() != null)
                .collect(Collectors.toMap(CareTeamMember::clientId, CareTeamMember::name, (a, b) -> a));
    }
}
