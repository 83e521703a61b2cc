package org.teletherapy.web.booking;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import org.teletherapy.web.api.Api;
import org.teletherapy.web.api.ApiProblem;
import org.teletherapy.web.home.ApiViews.CareTeamMember;
import org.teletherapy.web.home.ApiViews.Session;
import org.teletherapy.web.page.Viewer;
import org.teletherapy.web.page.Viewers;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A client books a session, or moves one: choose one of their therapists, browse that therapist's free slots week by
 * week in the client's own time zone, pick one. The API decides what is free and whether the booking or the move
 * stands; a slot someone else took first is answered next to it.
 */
@Controller
class BookingController {

    /** Weeks ahead a client can page to; the API's own horizon decides what is offered in them. */
    private static final int WEEKS_AHEAD = 13;

    private final Api api;
    private final Viewers viewers;
    private final Clock clock;

    BookingController(Api api, Viewers viewers, Clock clock) {
        this.api = api;
        this.viewers = viewers;
        this.clock = clock;
    }

    @GetMapping("/book")
    Mono<String> chooseTherapist(Model model) {
        return therapists().map(team -> {
            if (team.size() == 1) {
                return "redirect:/book/" + team.get(0).therapistId();
            }
            model.addAttribute("therapists", team);
            return "booking/therapists";
        });
    }

    @GetMapping("/book/{therapistId}")
    Mono<String> week(@PathVariable UUID therapistId, @RequestParam(defaultValue = "0") int week,
                      @RequestParam(required = false) String repeat, @RequestParam(required = false) String count,
                      ServerWebExchange exchange, Model model) {
        return render(Choice.booking(therapistId, Repeat.of(repeat, count)), clamp(week), null, viewers.of(exchange),
                model);
    }

    /** Moving a booked session: the same week of free times, each leading to the reschedule. */
    @GetMapping("/sessions/{id}/move")
    Mono<String> moveWeek(@PathVariable UUID id, @RequestParam(defaultValue = "0") int week,
                          ServerWebExchange exchange, Model model) {
        Viewer viewer = viewers.of(exchange);
        return api.get("/api/v1/sessions/{id}", Session.class, id)
                .flatMap(session -> render(Choice.move(session), clamp(week), null, viewer, model));
    }

    @PostMapping("/sessions/{id}/move")
    Mono<String> move(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        Viewer viewer = viewers.of(exchange);
        return Mono.zip(exchange.getFormData(), api.get("/api/v1/sessions/{id}", Session.class, id))
                .flatMap(found -> {
                    Instant start = parseStart(found.getT1().getFirst("start"));
                    if (start == null) {
                        return Mono.just("redirect:/sessions/" + id + "/move");
                    }
                    return api.post("/api/v1/sessions/{id}/reschedule", Map.of("start", start.toString()),
                                    Session.class, id)
                            .map(moved -> "redirect:/sessions/" + moved.id() + "/booked")
                            .onErrorResume(ApiProblem.class, problem -> answer(problem, viewer, model)
                                    .then(render(Choice.move(found.getT2()), parseWeek(found.getT1().getFirst("week")),
                                            takenOrNull(problem, start), viewer, model)));
                });
    }

    @PostMapping("/book/{therapistId}")
    Mono<String> book(@PathVariable UUID therapistId, ServerWebExchange exchange, Model model) {
        Viewer viewer = viewers.of(exchange);
        return exchange.getFormData().flatMap(form -> {
            Instant start = parseStart(form.getFirst("start"));
            int week = parseWeek(form.getFirst("week"));
            Repeat repeat = Repeat.of(form);
            if (start == null) {
                return Mono.just("redirect:/book/" + therapistId);
            }
            return bookOneOrSeries(therapistId, start, repeat)
                    .map(firstId -> "redirect:/sessions/" + firstId + "/booked")
                    .onErrorResume(ApiProblem.class, problem -> answer(problem, viewer, model)
                            .then(render(Choice.booking(therapistId, repeat), week, takenOrNull(problem, start), viewer,
                                    model)));
        });
    }

    /** The id of the (first) session booked. */
    private Mono<UUID> bookOneOrSeries(UUID therapistId, Instant start, Repeat repeat) {
        if (!repeat.series()) {
            return api.post("/api/v1/sessions", Map.of("therapistId", therapistId, "start", start.toString()),
                    Session.class).map(Session::id);
        }
        return api.post("/api/v1/sessions/series", Map.of("therapistId", therapistId, "start", start.toString(),
                        "frequency", repeat.frequency(), "occurrences", repeat.count()), BookedSeries.class)
                .map(series -> series.sessions().get(0).id());
    }

    record BookedSeries(UUID seriesId, List<Session> sessions) {
    }

    /** The confirmation; for a series, every date of it. */
    @GetMapping("/sessions/{id}/booked")
    Mono<String> booked(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        Viewer viewer = viewers.of(exchange);
        return Mono.zip(api.get("/api/v1/sessions/{id}", Session.class, id), therapists())
                .flatMap(found -> {
                    Session session = found.getT1();
                    model.addAttribute("appointmentId", session.id());
                    model.addAttribute("when", viewer.dateTime(session.start()));
                    model.addAttribute("therapist", CareTeamMember.therapistName(found.getT2(), session.therapistId()));
                    model.addAttribute("zone", viewer.zone().getId());
                    if (session.seriesId() == null) {
                        model.addAttribute("series", List.of());
                        return Mono.just("booking/booked");
                    }
                    return api.list("/api/v1/sessions", Session.class).map(all -> {
                        model.addAttribute("series", all.stream()
                                .filter(other -> session.seriesId().equals(other.seriesId()))
                                .filter(other -> "booked".equals(other.status()))
                                .sorted(Comparator.comparing(Session::start))
                                .map(other -> viewer.dateTime(other.start())).toList());
                        return "booking/booked";
                    });
                });
    }

    /** What choosing a time leads to: a new booking with a therapist, or moving one session. */
    /** {@code action}: where the week's pages are, and where a chosen time is posted. */
    record Choice(UUID therapistId, String action, boolean moving, Integer reschedulesLeft, Repeat repeat) {
        static Choice booking(UUID therapistId, Repeat repeat) {
            return new Choice(therapistId, "/book/" + therapistId, false, null, repeat);
        }

        static Choice move(Session session) {
            return new Choice(session.therapistId(), "/sessions/" + session.id() + "/move", true,
                    session.reschedulesLeft(), Repeat.once());
        }
    }

    private static Mono<Void> answer(ApiProblem problem, Viewer viewer, Model model) {
        model.addAttribute("problem", problem.kind());
        model.addAttribute("problemDetail", problem.detail());
        // A series is all or nothing: the times that are not free, so the client can choose another time or fewer.
        List<String> starts = problem.texts("conflictStarts");
        model.addAttribute("conflicts", starts.isEmpty()
                ? problem.texts("conflicts").stream().map(viewer::date).toList()
                : starts.stream().map(start -> viewer.dateTime(Instant.parse(start))).toList());
        return Mono.empty();
    }

    private Mono<String> render(Choice choice, int week, Instant taken, Viewer viewer, Model model) {
        BookingWeek range = BookingWeek.range(week, viewer, clock.instant());
        UUID therapistId = choice.therapistId();
        return Mono.zip(api.list("/api/v1/therapists/{id}/slots?from={from}&to={to}", Slot.class, therapistId,
                                range.from(), range.to()), therapists())
                .map(found -> {
                    model.addAttribute("week", range.with(found.getT1(), viewer, taken));
                    model.addAttribute("choice", choice);
                    model.addAttribute("modes", Repeat.MODES);
                    model.addAttribute("therapist", CareTeamMember.therapistName(found.getT2(), therapistId));
                    model.addAttribute("zone", viewer.zone().getId());
                    model.addAttribute("previous", week > 0 ? week - 1 : null);
                    model.addAttribute("next", week < WEEKS_AHEAD ? week + 1 : null);
                    return "booking/week";
                });
    }

    private Mono<List<CareTeamMember>> therapists() {
        return api.list("/api/v1/care-team", CareTeamMember.class)
                .map(team -> team.stream().filter(member -> member.therapistId() != null).toList());
    }

    /** The time to mark as just taken: only when someone else took it, not when a later date of a series is. */
    private static Instant takenOrNull(ApiProblem problem, Instant start) {
        return "slot-taken".equals(problem.kind()) ? start : null;
    }

    private static Instant parseStart(String start) {
        try {
            return start == null ? null : Instant.parse(start);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int parseWeek(String week) {
        try {
            return week == null ? 0 : clamp(Integer.parseInt(week));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static int clamp(int week) {
        return Math.max(0, Math.min(week, WEEKS_AHEAD));
    }
}
