package org.teletherapy.web.review;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.teletherapy.web.api.Api;
import org.teletherapy.web.api.ApiProblem;
import org.teletherapy.web.home.Section;
import org.teletherapy.web.homework.HomeworkAsClientSees;
import org.teletherapy.web.homework.HomeworkViews;
import org.teletherapy.web.notes.SessionsAndClients;
import org.teletherapy.web.page.TherapistOnly;
import org.teletherapy.web.page.Viewer;
import org.teletherapy.web.page.Viewers;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A therapist reviews what a client handed in: the answers as the client gave them (the client portal's own
 * rendering), a questionnaire's score and band as the API scored it, and a comment the client then reads.
 */
@Controller
class ReviewController {

    private static final String ASSIGNMENT = "/api/v1/assignments/{id}";

    private final Api api;
    private final Viewers viewers;
    private final SessionsAndClients known;
    private final MessageSource messages;

    ReviewController(Api api, Viewers viewers, SessionsAndClients known, MessageSource messages) {
        this.api = api;
        this.viewers = viewers;
        this.known = known;
        this.messages = messages;
    }

    /** An assignment as a therapist reads it: whose it is, besides what the client's view has. */
    record Reviewed(UUID id, UUID clientId, String templateTitle, String kind, String instrument, String status,
                    String instructions, Instant dueAt, Instant availableFrom, boolean fromLastSession,
                    Instant submittedAt, Instant reviewedAt, String reviewComment, HomeworkViews.Template template) {

        HomeworkViews.Assignment asClientSees() {
            return new HomeworkViews.Assignment(id, templateTitle, kind, instrument, status, instructions, dueAt,
                    availableFrom, fromLastSession, submittedAt, reviewedAt, reviewComment, template, null);
        }

        boolean reviewable() {
            return "submitted".equals(status);
        }

        boolean handedIn() {
            return "submitted".equals(status) || "reviewed".equals(status);
        }
    }

    @GetMapping("/homework-review/{id}")
    Mono<String> review(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        model.addAttribute("reviewed", exchange.getRequest().getQueryParams().containsKey("reviewed"));
        return TherapistOnly.check(exchange).then(page(id, "", null, viewers.of(exchange), model));
    }

    @PostMapping("/homework-review/{id}")
    Mono<String> comment(@PathVariable UUID id, ServerWebExchange exchange, Model model) {
        Viewer viewer = viewers.of(exchange);
        return TherapistOnly.check(exchange).then(exchange.getFormData()).flatMap(form -> {
            String comment = form.getFirst("comment") == null ? "" : form.getFirst("comment").replace("\r\n", "\n");
            Map<String, Object> review = new HashMap<>();
            review.put("comment", comment.isBlank() ? null : comment);
            return api.post(ASSIGNMENT + "/review", review, Map.class, id)
                    .map(done -> "redirect:/homework-review/" + id + "?reviewed")
                    .onErrorResume(failure -> {
                        if (failure instanceof ApiProblem problem && "already-reviewed".equals(problem.kind())) {
                            return Mono.just("redirect:/homework-review/" + id);
                        }
                        String refusal = refusal(failure, viewer.locale());
                        if (refusal == null) {
                            return Mono.error(failure);
                        }
                        exchange.getResponse().setStatusCode(failure instanceof ApiProblem problem
                                && !problem.status().is5xxServerError() ? problem.status() : HttpStatus.SERVICE_UNAVAILABLE);
                        return page(id, comment, refusal, viewer, model);
                    });
        });
    }

    private Mono<String> page(UUID id, String comment, String commentError, Viewer viewer, Model model) {
        return api.get(ASSIGNMENT, Reviewed.class, id)
                .onErrorMap(ReviewController::notFound)
                .flatMap(assignment -> Mono.zip(submission(assignment), known.known()).map(found -> {
                    HomeworkViews.Submission submission = found.getT1().orElse(null);
                    Object page = HomeworkAsClientSees.handedIn(assignment.asClientSees(), submission, viewer, messages);
                    model.addAttribute("assignment", assignment);
                    model.addAttribute("page", page);
                    model.addAttribute("clientName", found.getT2().name(assignment.clientId()));
                    model.addAttribute("clientId", assignment.clientId());
                    model.addAttribute("submittedAt", assignment.submittedAt() == null ? null : viewer.dateTime(assignment.submittedAt()));
                    model.addAttribute("due", assignment.dueAt() == null ? null : viewer.dateTime(assignment.dueAt()));
                    model.addAttribute("followUp", submission != null && submission.followUp() != null);
                    model.addAttribute("handedIn", assignment.handedIn());
                    model.addAttribute("reviewable", assignment.reviewable());
                    model.addAttribute("comment", comment);
                    model.addAttribute("commentError", commentError);
                    return "review/review";
                }));
    }

    /** The hand-in, if there is one and it can be read now; empty otherwise (the page says which). */
    private Mono<Optional<HomeworkViews.Submission>> submission(Reviewed assignment) {
        if (!assignment.handedIn()) {
            return Mono.just(Optional.empty());
        }
        return api.list(ASSIGNMENT + "/submissions", HomeworkViews.Submission.class, assignment.id())
                .map(found -> found.isEmpty() ? Optional.<HomeworkViews.Submission>empty()
                        : Optional.of(found.get(0)))
                .onErrorResume(Section::isOutage, outage -> Mono.just(Optional.empty()));
    }

    /** What the person is told, beside the comment; null for a failure of ours, which the error page shows. */
    private String refusal(Throwable failure, Locale locale) {
        if (failure instanceof ApiProblem problem && !problem.status().is5xxServerError()) {
            if (problem.errors().stream().anyMatch(error -> "comment".equals(error.field()))) {
                return messages.getMessage("review.error.tooLong", null, locale);
            }
            return messages.getMessage("review.problem." + problem.kind(), null,
                    problem.detail() == null ? messages.getMessage("notes.error.refused", null, locale) : problem.detail(), locale);
        }
        if (Section.isOutage(failure)) {
            return messages.getMessage("review.notSent", null, locale);
        }
        return null;
    }

    private static Throwable notFound(Throwable error) {
        return error instanceof ApiProblem problem && (problem.status().value() == 404 || problem.status().value() == 410)
                ? new ResponseStatusException(HttpStatus.NOT_FOUND) : error;
    }
}
