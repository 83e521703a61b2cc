package org.teletherapy.exercises.template;

import org.teletherapy.service.problem.FieldProblem;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks answers against a template's questions: required questions, answer types, scale ranges and choice values.
 * Problems name the question, never the answer.
 */
public final class AnswerCheck {

    /** Question ids are short plain names; anything else a caller sends as a key is not echoed back. */
    static final Pattern QUESTION_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    public enum Mode {
        /** Handing in: every required question needs an answer. */
        SUBMISSION,
        /** Saving work in progress: answers given must fit, unanswered questions are fine. */
        DRAFT
    }

    private AnswerCheck() {
    }

    /**
     * @throws InvalidAnswersException listing every offending question; for a questionnaire with unanswered items it is
     *                                 of type {@code incomplete-questionnaire}
     */
    public static void require(ExerciseTemplate template, Map<String, JsonNode> answers, Mode mode) {
        List<FieldProblem> problems = check(template.questions(), answers, mode);
        if (problems.isEmpty()) {
            return;
        }
        boolean unanswered = problems.stream().anyMatch(problem -> problem.code().equals("required"));
        throw template.kind() == TemplateKind.QUESTIONNAIRE && unanswered
                ? InvalidAnswersException.incompleteQuestionnaire(problems)
                : InvalidAnswersException.of(problems);
    }

    public static List<FieldProblem> check(List<Question> questions, Map<String, JsonNode> answers, Mode mode) {
        List<FieldProblem> problems = new ArrayList<>();
        for (Question question : questions) {
            JsonNode answer = answers.get(question.id());
            if (answer == null || answer.isNull() || isBlankText(answer)) {
                if (question.required() && mode == Mode.SUBMISSION) {
                    problems.add(problem(question, "required", "An answer is required."));
                }
            } else {
                checkAnswer(question, answer, problems);
            }
        }
        answers.keySet().stream()
                .filter(id -> questions.stream().noneMatch(question -> question.id().equals(id)))
                .sorted()
                .forEach(id -> problems.add(new FieldProblem(
                        QUESTION_ID.matcher(id).matches() ? "answers." + id : "answers", "unknown-question",
                        "There is no such question in this exercise.")));
        return problems;
    }

    private static void checkAnswer(Question question, JsonNode answer, List<FieldProblem> problems) {
        switch (question.type()) {
            case TEXT -> {
                if (!answer.isString()) {
                    problems.add(problem(question, "wrong-type", "The answer must be text."));
                } else if (answer.asString().length() > question.textLimit()) {
                    problems.add(problem(question, "too-long",
                            "The answer may be at most " + question.textLimit() + " characters long."));
                }
            }
            case SCALE -> {
                if (!isWholeNumber(answer)) {
                    problems.add(problem(question, "wrong-type", "The answer must be a whole number."));
                } else if (outside(answer, question.min(), question.max())) {
                    problems.add(problem(question, "out-of-range",
                            "The answer must be between " + question.min() + " and " + question.max() + "."));
                }
            }
            case SINGLE_CHOICE -> {
                if (!answer.isString() && !isWholeNumber(answer)) {
                    problems.add(problem(question, "wrong-type", "The answer must be the value of one of the options."));
                } else if (question.choices().stream().noneMatch(option -> sameValue(option.value(), answer))) {
                    problems.add(problem(question, "not-an-option", "The answer must be one of the question's options."));
                }
            }
            case YES_NO -> {
                if (!answer.isBoolean()) {
                    problems.add(problem(question, "wrong-type", "The answer must be true or false."));
                }
            }
        }
    }

    /** Choice values compare as written: the string "1" is not the number 1. */
    static boolean sameValue(JsonNode option, JsonNode answer) {
        if (option.isNumber() && answer.isNumber()) {
            return option.decimalValue().compareTo(answer.decimalValue()) == 0;
        }
        return option.isString() && answer.isString() && option.asString().equals(answer.asString());
    }

    /** A whole number, also when written as 2.0; never 2.5 or "2". */
    static boolean isWholeNumber(JsonNode answer) {
        if (answer.isIntegralNumber()) {
            return answer.canConvertToInt();
        }
        if (answer.isFloatingPointNumber()) {
            BigDecimal value = answer.decimalValue();
            return value.stripTrailingZeros().scale() <= 0 && answer.canConvertToInt();
        }
        return false;
    }

    private static boolean outside(JsonNode answer, Integer min, Integer max) {
        int value = answer.asInt();
        return (min != null && value < min) || (max != null && value > max);
    }

    private static boolean isBlankText(JsonNode answer) {
        return answer.isString() && answer.asString().isBlank();
    }

    private static FieldProblem problem(Question question, String code, String message) {
        return new FieldProblem("answers." + question.id(), code, message);
    }
}
