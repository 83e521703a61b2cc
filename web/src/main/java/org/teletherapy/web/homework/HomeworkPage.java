package org.teletherapy.web.homework;

import org.springframework.context.MessageSource;
import org.teletherapy.web.api.ApiProblem.FieldError;
import org.teletherapy.web.homework.HomeworkViews.Assignment;
import org.teletherapy.web.homework.HomeworkViews.Question;
import org.teletherapy.web.homework.HomeworkViews.Submission;
import org.teletherapy.web.page.Viewer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * One assignment as its page shows it: open, a form of its template's questions as the template words them; handed
 * in, the answers read-only with the score and band the API gave. Which questions are required and what is wrong
 * with an answer is what the template and the API's problem say.
 *
 * @param problems the questions the API refused, in the template's order, for the summary at the top
 * @param problemDetail a refusal that names no question
 */
record HomeworkPage(UUID id, String title, String statusKey, boolean overdue, String due, String submittedAt,
                    boolean fromLastSession, String therapistInstructions, String templateInstructions,
                    boolean questionnaire, String attribution, boolean editable, List<Item> items,
                    List<Item> problems, String problemDetail, String idempotencyKey, Result result,
                    boolean answersUnavailable, String reviewComment) {

    /** Radio groups take one of a few values; wider scales a number field. */
    static final int MOST_RADIOS = 11;

    /**
     * @param control {@code textarea}, {@code radios} or {@code number}
     * @param value   the current answer as the form writes it
     * @param shown   the answer as the read-only page shows it
     */
    record Item(String id, String name, int number, String control, String prompt, boolean required,
                List<Choice> choices, String hint, Integer maxLength, Integer min, Integer max, String value,
                String error, String shown) {

        public String domId() {
            return "q-" + id;
        }

        /** The first thing to focus when the summary leads here. */
        public String target() {
            return choices.isEmpty() ? domId() : choices.get(0).id();
        }

        public String describedBy() {
            String described = (hint == null ? "" : domId() + "-hint ") + (error == null ? "" : domId() + "-error");
            return described.isBlank() ? null : described.trim();
        }
    }

    record Choice(String id, String value, String label, boolean checked) {
    }

    /** A questionnaire's score: the API's total, maximum and band. */
    record Result(String instrument, Integer score, Integer maxScore, String severity, boolean followUp,
                  boolean therapistNotified) {
    }

    /** Words the page needs from the message bundles, in the viewer's language. */
    interface Wording {
        String get(String key, Object... arguments);

        /** The message for {@code key}, or {@code fallback} when the bundles have none. */
        String orElse(String key, String fallback);

        static Wording of(MessageSource messages, Locale locale) {
            return new Wording() {
                @Override
                public String get(String key, Object... arguments) {
                    return messages.getMessage(key, arguments, locale);
                }

                @Override
                public String orElse(String key, String fallback) {
                    return messages.getMessage(key, null, fallback, locale);
                }
            };
        }
    }

    /** The form of an open assignment, filled with {@code values} (question id → form value). */
    static HomeworkPage form(Assignment assignment, Map<String, String> values, List<FieldError> refused,
                             String problemDetail, String idempotencyKey, Viewer viewer, Wording wording) {
        Map<String, String> errors = errorsByQuestion(assignment, refused, wording);
        List<Item> items = items(assignment, values, errors, Map.of(), wording);
        return of(assignment, items, items.stream().filter(item -> item.error() != null).toList(),
                problemDetail, idempotencyKey, true, null, false, viewer, wording);
    }

    /** A handed-in assignment with its answers (null when they cannot be shown right now) and the API's result. */
    static HomeworkPage handedIn(Assignment assignment, Submission submission, boolean answersUnavailable,
                                 Viewer viewer, Wording wording) {
        Map<String, Object> answers = submission == null || submission.answers() == null ? Map.of() : submission.answers();
        List<Item> items = items(assignment, Map.of(), Map.of(), answers, wording);
        Result result = submission == null || submission.score() == null ? null
                : new Result(submission.instrument(), submission.score(), submission.maxScore(),
                wording.orElse("scores.band." + submission.severity(), submission.severity()), submission.followUp() != null,
                submission.followUp() != null && submission.followUp().therapistNotified());
        HomeworkPage page = of(assignment, items, List.of(), null, null, false, result,
                answersUnavailable || submission == null || submission.answers() == null, viewer, wording);
        return submission == null || submission.submittedAt() == null ? page : page.submittedAt(viewer.dateTime(submission.submittedAt()));
    }

    private HomeworkPage submittedAt(String when) {
        return new HomeworkPage(id, title, statusKey, overdue, due, when, fromLastSession, therapistInstructions,
                templateInstructions, questionnaire, attribution, editable, items, problems, problemDetail,
                idempotencyKey, result, answersUnavailable, reviewComment);
    }

    private static HomeworkPage of(Assignment assignment, List<Item> items, List<Item> problems, String problemDetail,
                                   String idempotencyKey, boolean editable, Result result, boolean answersUnavailable,
                                   Viewer viewer, Wording wording) {
        var template = assignment.template();
        return new HomeworkPage(assignment.id(), assignment.templateTitle(), "homework.status." + assignment.status(),
                "overdue".equals(assignment.status()), assignment.dueAt() == null ? null : viewer.dateTime(assignment.dueAt()),
                assignment.submittedAt() == null ? null : viewer.dateTime(assignment.submittedAt()),
                assignment.fromLastSession(), assignment.instructions(), template == null ? null : template.instructions(),
                template != null && template.instrument() != null, template == null ? null : template.attribution(),
                editable, items, problems, problemDetail, idempotencyKey, result, answersUnavailable,
                assignment.reviewComment());
    }

    private static List<Item> items(Assignment assignment, Map<String, String> values, Map<String, String> errors,
                                    Map<String, Object> answers, Wording wording) {
        List<Question> questions = assignment.template() == null ? List.of() : assignment.template().questions();
        List<Item> items = new ArrayList<>();
        for (int index = 0; index < questions.size(); index++) {
            Question question = questions.get(index);
            String value = values.getOrDefault(question.id(), "");
            items.add(item(question, index + 1, value, errors.get(question.id()), answers.get(question.id()), wording));
        }
        return items;
    }

    private static Item item(Question question, int number, String value, String error, Object answer, Wording wording) {
        String id = question.id();
        String control;
        List<Choice> choices = new ArrayList<>();
        String hint = null;
        switch (question.type()) {
            case "text" -> control = "textarea";
            case "scale" -> {
                boolean few = question.min() != null && question.max() != null
                        && question.max() - question.min() < MOST_RADIOS;
                control = few ? "radios" : "number";
                if (few) {
                    IntStream.rangeClosed(question.min(), question.max()).forEach(n ->
                            choices.add(choice(id, String.valueOf(n), String.valueOf(n), value)));
                }
                hint = scaleHint(question, wording);
            }
            case "yes-no" -> {
                control = "radios";
                choices.add(choice(id, "true", wording.get("homework.yes"), value));
                choices.add(choice(id, "false", wording.get("homework.no"), value));
            }
            default -> {
                control = "radios";
                question.choices().forEach(option ->
                        choices.add(choice(id, Answers.formValue(option.value()), option.label(), value)));
            }
        }
        if (question.maxLength() != null && "textarea".equals(control)) {
            hint = wording.get("homework.maxLength", question.maxLength());
        }
        return new Item(id, Answers.FIELD_PREFIX + id, number, control, question.prompt(), question.required(),
                List.copyOf(choices), hint, question.maxLength(), question.min(), question.max(), value, error,
                shown(question, answer, wording));
    }

    private static Choice choice(String questionId, String value, String label, String current) {
        return new Choice("q-" + questionId + "-" + value.replaceAll("[^A-Za-z0-9_-]", "_"), value, label,
                value.equals(current));
    }

    private static String scaleHint(Question question, Wording wording) {
        if (question.minLabel() != null && question.maxLabel() != null && question.min() != null && question.max() != null) {
            return wording.get("homework.scale.labels", question.min(), question.minLabel(), question.max(), question.maxLabel());
        }
        if (question.min() != null && question.max() != null) {
            return wording.get("homework.scale.range", question.min(), question.max());
        }
        return null;
    }

    /** An answer as the read-only page words it: an option's label, Yes or No, the text as written. */
    private static String shown(Question question, Object answer, Wording wording) {
        if (answer == null || answer instanceof String text && text.isBlank()) {
            return wording.get("homework.notAnswered");
        }
        return switch (question.type()) {
            case "yes-no" -> Boolean.TRUE.equals(answer) ? wording.get("homework.yes")
                    : Boolean.FALSE.equals(answer) ? wording.get("homework.no") : String.valueOf(answer);
            case "single-choice" -> question.choices().stream()
                    .filter(option -> Answers.formValue(option.value()).equals(Answers.formValue(answer)))
                    .map(HomeworkViews.Option::label).findFirst().orElse(String.valueOf(answer));
            case "scale" -> question.min() != null && question.max() != null
                    ? wording.get("homework.scale.answer", answer, question.min(), question.max())
                    : String.valueOf(answer);
            default -> String.valueOf(answer);
        };
    }

    /**
     * The API's field errors ({@code answers.item3}, code {@code required}) by question, worded for the person; a
     * code we have no words for keeps the API's own message.
     */
    private static Map<String, String> errorsByQuestion(Assignment assignment, List<FieldError> refused, Wording wording) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (FieldError error : refused) {
            if (!error.field().startsWith("answers.")) {
                continue;
            }
            String questionId = error.field().substring("answers.".length());
            Question question = assignment.template().questions().stream()
                    .filter(candidate -> candidate.id().equals(questionId)).findFirst().orElse(null);
            if (question == null) {
                continue;
            }
            String message = "too-long".equals(error.code()) && question.maxLength() != null
                    ? wording.get("homework.error.too-long", question.maxLength())
                    : wording.orElse("homework.error." + error.code(), error.message());
            errors.merge(questionId, message, (first, second) -> first);
        }
        return errors;
    }
}
