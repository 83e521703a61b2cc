package org.teletherapy.web.homework;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.teletherapy.web.api.Api;
import org.teletherapy.web.api.ApiProblem;
import org.teletherapy.web.home.Section;
import org.teletherapy.web.homework.HomeworkViews.Assignment;
import org.teletherapy.web.homework.HomeworkViews.Submission;
import org.teletherapy.web.page.Viewer;
import org.teletherapy.web.page.Viewers;
import reactor.core.publisher.Mono;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A client's homework: the list, one assignment as a form of its template's questions (saved as a draft or handed
 * in), and what was handed in with the score the API gave. The template says what is asked and what is required; the
 * API says what is missing, what it scored, and whether the answers need a therapist's follow-up, in which case the
 * page leads with where to get help now.
 */
@Controller
class HomeworkController {

    private static final String ASSIGNMENT = "/api/v1/assignments/{id}";

    private final Api api;
    private final Viewers viewers;
    private final MessageSource messages;
    private final CrisisProperties crisis;

    HomeworkController(Api api, Viewers viewers, MessageSource messages, CrisisProperties crisis) {
        this.api = api;
        this.viewers = viewers;
        this.messages = messages;
        this.crisis = crisis;
    }

    @GetMapping("/homework")
    Mono<String> list(ServerWebExchange exchange, Model model) {
        Viewer viewer = viewers.of(exchange);
        return Section.of(api.list("/api/v1/assignments", Assignment.class))
                .doOnNext(homework -> model.addAttribute("homework", HomeworkList.of(homework, viewer)))
                .thenReturn("homework/list");
    }

    @GetMapping("/homework/{id}")
    Mono<String> assignment(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        Viewer viewer = viewers.of(exchange);
        // After saving a draft the page is shown again with ?saved, and says so.
        model.addAttribute("saved", exchange.getRequest().getQueryParams().containsKey("saved"));
        return api.get(ASSIGNMENT, Assignment.class, id)
                .flatMap(assignment -> assignment.open()
                        ? Mono.just(form(assignment, values(assignment.draftAnswers()), List.of(), null, viewer, model))
                        : handedIn(assignment, viewer, model))
                .onErrorMap(HomeworkController::notFound)
                .onErrorResume(Section::isOutage, outage -> unavailable(exchange));
    }

    /** Both buttons post here: {@code action=draft} saves work in progress, anything else hands it in. */
    @PostMapping("/homework/{id}")
    Mono<String> answer(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        Viewer viewer = viewers.of(exchange);
        return Mono.zip(exchange.getFormData(), api.get(ASSIGNMENT, Assignment.class, id))
                .flatMap(found -> {
                    MultiValueMap<String, String> form = found.getT1();
                    Assignment assignment = found.getT2();
                    if (!assignment.open()) {
                        return Mono.just("redirect:/homework/" + id);
                    }
                    Map<String, Object> answers = Answers.fromForm(assignment.template(), form);
                    return "draft".equals(form.getFirst("action"))
                            ? saveDraft(assignment, answers, form, viewer, model)
                            : submit(assignment, answers, form, viewer, model);
                })
                .onErrorMap(HomeworkController::notFound)
                .onErrorResume(Section::isOutage, outage -> unavailable(exchange));
    }

    private Mono<String> saveDraft(Assignment assignment, Map<String, Object> answers,
                                   MultiValueMap<String, String> form, Viewer viewer, Model model) {
        return api.put(ASSIGNMENT + "/draft", Map.of("answers", answers), Assignment.class, assignment.id())
                .map(saved -> "redirect:/homework/" + assignment.id() + "?saved")
                .onErrorResume(failure -> refused(failure, assignment, form, "draft", viewer, model));
    }

    private Mono<String> submit(Assignment assignment, Map<String, Object> answers,
                                MultiValueMap<String, String> form, Viewer viewer, Model model) {
        String key = form.getFirst("idempotencyKey");
        return api.postIdempotent(ASSIGNMENT + "/submissions", key == null || key.isBlank() ? newKey() : key,
                        Map.of("answers", answers), Submission.class, assignment.id())
                // Shown from the API's answer to the hand-in itself: where to get help never waits for another call.
                .map(result -> {
                    Submission shown = new Submission(result.id(), result.assignmentId(), result.submittedAt(),
                            result.instrument(), result.score(), result.maxScore(), result.severity(),
                            result.followUp(), answers);
                    model.addAttribute("justHandedIn", true);
                    return handedInPage(assignment.handedIn(result.submittedAt()), shown, false, viewer, model);
                })
                .onErrorResume(failure -> refused(failure, assignment, form, "submit", viewer, model));
    }

    /**
     * The API refused the answers, or could not be reached: the form comes back with what the person wrote, the
     * API's words next to each question it named and a summary at the top.
     */
    private Mono<String> refused(Throwable failure, Assignment assignment, MultiValueMap<String, String> form,
                                 String action, Viewer viewer, Model model) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((name, value) -> {
            if (name.startsWith(Answers.FIELD_PREFIX) && !value.isEmpty()) {
                values.put(name.substring(Answers.FIELD_PREFIX.length()), value.get(0));
            }
        });
        model.addAttribute("failedAction", action);
        if (failure instanceof ApiProblem problem && "already-submitted".equals(problem.kind())) {
            // Handed in meanwhile (another tab, another device): the page shows what was handed in.
            return Mono.just("redirect:/homework/" + assignment.id());
        }
        if (failure instanceof ApiProblem problem && !problem.status().is5xxServerError()) {
            return Mono.just(form(assignment, values, problem.errors(), problem.detail(), viewer, model));
        }
        if (Section.isOutage(failure)) {
            model.addAttribute("notSent", true);
            return Mono.just(form(assignment, values, List.of(), null, viewer, model));
        }
        return Mono.error(failure);
    }

    private String form(Assignment assignment, Map<String, String> values, List<ApiProblem.FieldError> errors,
                        String problemDetail, Viewer viewer, Model model) {
        model.addAttribute("page", HomeworkPage.form(assignment, values, errors, problemDetail, newKey(), viewer,
                wording(viewer.locale())));
        return "homework/assignment";
    }

    private Mono<String> handedIn(Assignment assignment, Viewer viewer, Model model) {
        return api.list(ASSIGNMENT + "/submissions", Submission.class, assignment.id())
                .map(found -> handedInPage(assignment, found.isEmpty() ? null : found.get(0), false, viewer, model))
                .onErrorResume(Section::isOutage, outage -> Mono.just(handedInPage(assignment, null, true, viewer, model)));
    }

    private String handedInPage(Assignment assignment, Submission submission, boolean unavailable, Viewer viewer,
                                Model model) {
        HomeworkPage page = HomeworkPage.handedIn(assignment, submission, unavailable, viewer, wording(viewer.locale()));
        model.addAttribute("page", page);
        if (page.result() != null && page.result().followUp()) {
            model.addAttribute("crisisLines", crisisLines(viewer.locale()));
        }
        return "homework/assignment";
    }

    private Mono<String> unavailable(ServerWebExchange exchange) {
        exchange.getResponse().setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        return Mono.just("homework/unavailable");
    }

    /** A line to call, in the page's language where the deployment gave message keys. */
    record CrisisLine(String name, String number, String tel, String description) {
    }

    private List<CrisisLine> crisisLines(Locale locale) {
        return crisis.lines().stream().map(line -> new CrisisLine(text(line.name(), locale), line.number(),
                line.number() == null ? null : "tel:" + line.number().replaceAll("[^0-9+]", ""),
                text(line.description(), locale))).toList();
    }

    private String text(String keyOrText, Locale locale) {
        return keyOrText == null ? null : messages.getMessage(keyOrText, null, keyOrText, locale);
    }

    private HomeworkPage.Wording wording(Locale locale) {
        return HomeworkPage.Wording.of(messages, locale);
    }

    private static Map<String, String> values(Map<String, Object> answers) {
        Map<String, String> values = new LinkedHashMap<>();
        if (answers != null) {
            answers.forEach((question, answer) -> values.put(question, Answers.formValue(answer)));
        }
        return values;
    }

    private static Throwable notFound(Throwable error) {
        return error instanceof ApiProblem problem && problem.status().value() == 404
                ? new ResponseStatusException(HttpStatus.NOT_FOUND) : error;
    }

    // One per rendered form: a double click or a reload of the hand-in reaches the API as the same request.
    private static String newKey() {
        return UUID.randomUUID().toString();
    }
}
