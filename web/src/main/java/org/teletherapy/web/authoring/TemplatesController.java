package org.teletherapy.web.authoring;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ServerWebExchange;
import org.teletherapy.web.api.Api;
import org.teletherapy.web.api.ApiProblem;
import org.teletherapy.web.authoring.AuthoringViews.Editor;
import org.teletherapy.web.authoring.AuthoringViews.LibraryEntry;
import org.teletherapy.web.authoring.AuthoringViews.QuestionRow;
import org.teletherapy.web.home.Section;
import org.teletherapy.web.homework.HomeworkAsClientSees;
import org.teletherapy.web.page.TherapistOnly;
import org.teletherapy.web.page.Viewer;
import org.teletherapy.web.page.Viewers;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The therapist's homework library and the authoring of their own templates: questions of every type the API takes
 * (text, scale, single choice, yes/no), with a live preview that is the client's own form, rendered by the client
 * portal's fragment from what the therapist has typed so far.
 */
@Controller
class TemplatesController {

    static final String TEMPLATES = "/api/v1/exercise-templates";

    /** {@code questions[2].max}, {@code questions[0]}, {@code questions[1].options[0].value}. */
    private static final Pattern QUESTION_FIELD = Pattern.compile("questions\\[(\\d+)](?:\\.(\\w+))?.*");

    private final Api api;
    private final Viewers viewers;
    private final MessageSource messages;

    TemplatesController(Api api, Viewers viewers, MessageSource messages) {
        this.api = api;
        this.viewers = viewers;
        this.messages = messages;
    }

    @GetMapping("/templates")
    Mono<String> library(ServerWebExchange exchange, Model model) {
        model.addAttribute("created", exchange.getRequest().getQueryParams().getFirst("created"));
        return TherapistOnly.check(exchange)
                .then(Section.of(api.list(TEMPLATES, Library.Entry.class)))
                .map(found -> {
                    List<LibraryEntry> entries = Library.entries(found.items(), null);
                    model.addAttribute("builtIn", entries.stream().filter(entry -> !"mine".equals(entry.group())).toList());
                    model.addAttribute("mine", entries.stream().filter(entry -> "mine".equals(entry.group())).toList());
                    model.addAttribute("unavailable", found.unavailable());
                    return "authoring/templates";
                });
    }

    @GetMapping("/templates/new")
    Mono<String> newTemplate(ServerWebExchange exchange, Model model) {
        Viewer viewer = viewers.of(exchange);
        return TherapistOnly.check(exchange).then(Mono.fromCallable(() -> show(TemplateForm.blank(), Map.of(), null,
                viewer, model)));
    }

    /** Saves the template; or, without script, adds or removes a question or shows the preview. */
    @PostMapping("/templates")
    Mono<String> write(ServerWebExchange exchange, Model model) {
        Viewer viewer = viewers.of(exchange);
        return TherapistOnly.check(exchange).then(exchange.getFormData()).flatMap(posted -> {
            TemplateForm form = TemplateForm.from(posted);
            if (!"save".equals(posted.getFirst("action"))) {
                return Mono.just(show(form, Map.of(), null, viewer, model));
            }
            return api.post(TEMPLATES, form.toApi(), Library.Entry.class)
                    .map(created -> "redirect:/templates?created=" + created.id())
                    .onErrorResume(failure -> {
                        exchange.getResponse().setStatusCode(failure instanceof ApiProblem problem
                                && !problem.status().is5xxServerError() ? problem.status() : HttpStatus.SERVICE_UNAVAILABLE);
                        if (failure instanceof ApiProblem problem && !problem.status().is5xxServerError()) {
                            return Mono.just(show(form, errorsOf(problem, viewer.locale()),
                                    problem.errors().isEmpty() ? problem.detail() : null, viewer, model));
                        }
                        if (Section.isOutage(failure)) {
                            return Mono.just(show(form, Map.of(), text("authoring.notSaved", viewer.locale()), viewer, model));
                        }
                        return Mono.error(failure);
                    });
        });
    }

    /** The live preview: the client's form for what is typed so far (htmx swaps it in beside the editor). */
    @PostMapping("/templates/preview")
    Mono<String> preview(ServerWebExchange exchange, Model model) {
        Viewer viewer = viewers.of(exchange);
        return TherapistOnly.check(exchange).then(exchange.getFormData()).map(posted -> {
            TemplateForm form = TemplateForm.from(posted);
            model.addAttribute("preview", HomeworkAsClientSees.form(form.preview(), viewer, messages));
            model.addAttribute("previewTitle", form.title());
            model.addAttribute("previewInstructions", form.instructions());
            return "authoring/new :: preview";
        });
    }

    private String show(TemplateForm form, Map<String, String> errors, String problem, Viewer viewer, Model model) {
        List<QuestionRow> rows = new ArrayList<>();
        for (int index = 0; index < form.rows().size(); index++) {
            TemplateForm.Row row = form.rows().get(index);
            String at = "questions[" + index + "]";
            rows.add(new QuestionRow(index, index + 1, row.type(), row.prompt(), row.required(), row.min(), row.max(),
                    row.minLabel(), row.maxLabel(), row.maxLength(), row.options(), errors.get(at),
                    errors.get(at + ".prompt"), first(errors, at + ".min", at + ".max"), errors.get(at + ".maxLength"),
                    errors.get(at + ".options")));
        }
        List<String> summary = new ArrayList<>(errors.values().stream().distinct().toList());
        model.addAttribute("editor", new Editor(form.title(), form.instructions(), errors.get("title"),
                errors.get("instructions"), errors.get("questions"), rows, problem, summary));
        model.addAttribute("types", TemplateForm.TYPES);
        model.addAttribute("preview", HomeworkAsClientSees.form(form.preview(), viewer, messages));
        model.addAttribute("previewTitle", form.title());
        model.addAttribute("previewInstructions", form.instructions());
        return "authoring/new";
    }

    /**
     * The API's field errors by the field of the form they concern, worded for the therapist: its codes where we have
     * words for them, the field's own words for Bean Validation's messages, the API's message otherwise.
     */
    private Map<String, String> errorsOf(ApiProblem problem, Locale locale) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (ApiProblem.FieldError error : problem.errors()) {
            String field = error.field();
            Matcher question = QUESTION_FIELD.matcher(field);
            String key = field;
            String leaf = field;
            if (question.matches()) {
                String sub = question.group(2);
                key = "questions[" + question.group(1) + "]" + (sub == null ? "" : "." + sub);
                leaf = sub == null ? "question" : sub;
                if ("missing-range".equals(error.code())) {
                    // A scale without both ends: said beside its ends, where it is put right.
                    key = "questions[" + question.group(1) + "].max";
                } else if ("value".equals(leaf) || field.contains(".options[")) {
                    key = "questions[" + question.group(1) + "].options";
                    leaf = "options";
                }
            }
            String fallback = messages.getMessage("authoring.error.field." + leaf, null,
                    error.message() == null || error.message().isBlank() ? text("authoring.error.field.question", locale)
                            : error.message(), locale);
            String worded = error.code().isBlank() ? fallback
                    : messages.getMessage("authoring.error." + error.code(), null, fallback, locale);
            errors.merge(key, worded, (first, second) -> first);
        }
        return errors;
    }

    private static String first(Map<String, String> errors, String... keys) {
        for (String key : keys) {
            if (errors.get(key) != null) {
                return errors.get(key);
            }
        }
        return null;
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
