package org.teletherapy.exercises.template;

import org.teletherapy.service.problem.FieldProblem;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a therapist-written template must satisfy beyond the shape of the request. */
final class TemplateRules {

    static final int MAX_SCALE_POINTS = 101;
    static final int MIN_OPTIONS = 2;
    static final int MAX_OPTIONS = 30;
    static final int MAX_OPTION_VALUE_LENGTH = 100;

    private TemplateRules() {
    }

    static List<FieldProblem> check(TemplateDraft draft) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int index = 0; index < draft.questions().size(); index++) {
            TemplateDraft.QuestionDraft question = draft.questions().get(index);
            String field = "questions[" + index + "]";
            if (question.id() != null) {
                if (!AnswerCheck.QUESTION_ID.matcher(question.id()).matches()) {
                    problems.add(new FieldProblem(field + ".id", "invalid-id",
                            "Question ids are 1 to 40 lower-case letters, digits or hyphens."));
                } else if (!ids.add(question.id())) {
                    problems.add(new FieldProblem(field + ".id", "duplicate-id", "Another question has this id."));
                }
            }
            switch (question.type()) {
                case SCALE -> checkScale(question, field, problems);
                case SINGLE_CHOICE -> checkOptions(question, field, problems);
                case TEXT -> {
                    if (question.maxLength() != null
                            && (question.maxLength() < 1 || question.maxLength() > Question.DEFAULT_MAX_TEXT_LENGTH)) {
                        problems.add(new FieldProblem(field + ".maxLength", "invalid-length",
                                "maxLength must be between 1 and " + Question.DEFAULT_MAX_TEXT_LENGTH + "."));
                    }
                }
                case YES_NO -> {
                    // nothing to configure
                }
            }
        }
        return problems;
    }

    private static void checkScale(TemplateDraft.QuestionDraft question, String field, List<FieldProblem> problems) {
        if (question.min() == null || question.max() == null) {
            problems.add(new FieldProblem(field, "missing-range", "A scale needs both min and max."));
        } else if (question.min() >= question.max()) {
            problems.add(new FieldProblem(field + ".max", "invalid-range", "max must be greater than min."));
        } else if ((long) question.max() - question.min() + 1 > MAX_SCALE_POINTS) {
            problems.add(new FieldProblem(field + ".max", "invalid-range",
                    "A scale has at most " + MAX_SCALE_POINTS + " points."));
        }
    }

    private static void checkOptions(TemplateDraft.QuestionDraft question, String field, List<FieldProblem> problems) {
        List<TemplateDraft.OptionDraft> options = question.options() == null ? List.of() : question.options();
        if (options.size() < MIN_OPTIONS || options.size() > MAX_OPTIONS) {
            problems.add(new FieldProblem(field + ".options", "invalid-options",
                    "A single choice needs " + MIN_OPTIONS + " to " + MAX_OPTIONS + " options."));
            return;
        }
        List<JsonNode> seen = new ArrayList<>();
        for (int index = 0; index < options.size(); index++) {
            JsonNode value = options.get(index).value();
            String optionField = field + ".options[" + index + "].value";
            boolean validText = value.isString() && !value.asString().isBlank()
                    && value.asString().length() <= MAX_OPTION_VALUE_LENGTH;
            if (!validText && !AnswerCheck.isWholeNumber(value)) {
                problems.add(new FieldProblem(optionField, "invalid-option",
                        "An option's value is a short text or a whole number."));
            } else if (seen.stream().anyMatch(other -> AnswerCheck.sameValue(other, value))) {
                problems.add(new FieldProblem(optionField, "duplicate-option", "Another option has this value."));
            } else {
                seen.add(value);
            }
        }
    }

    /** The template the draft describes, once {@link #check} found nothing wrong. */
    static List<Question> questions(TemplateDraft draft) {
        Set<String> taken = new HashSet<>();
        draft.questions().stream().map(TemplateDraft.QuestionDraft::id).filter(id -> id != null).forEach(taken::add);
        List<Question> questions = new ArrayList<>();
        int next = 1;
        for (TemplateDraft.QuestionDraft draftQuestion : draft.questions()) {
            String id = draftQuestion.id();
            if (id == null) {
                while (taken.contains("q" + next)) {
                    next++;
                }
                id = "q" + next;
                taken.add(id);
            }
            questions.add(question(id, draftQuestion));
        }
        return questions;
    }

    private static Question question(String id, TemplateDraft.QuestionDraft draft) {
        boolean required = draft.required() == null || draft.required();
        return switch (draft.type()) {
            case TEXT -> new Question(id, draft.type(), draft.prompt(), required, null, null, null, null,
                    draft.maxLength(), null);
            case SCALE -> new Question(id, draft.type(), draft.prompt(), required, draft.min(), draft.max(),
                    draft.minLabel(), draft.maxLabel(), null, null);
            case SINGLE_CHOICE -> new Question(id, draft.type(), draft.prompt(), required, null, null, null, null,
                    null, draft.options().stream().map(option -> new ChoiceOption(option.value(), option.label())).toList());
            case YES_NO -> new Question(id, draft.type(), draft.prompt(), required, null, null, null, null, null, null);
        };
    }
}
