package org.teletherapy.exercises.template;

import org.springframework.http.HttpStatus;
import org.teletherapy.service.problem.ProblemException;
import org.teletherapy.service.problem.FieldProblem;

import java.util.List;

/** Answers that do not fit the template. The problem lists the questions, never the answers. */
public final class InvalidAnswersException extends ProblemException {

    private InvalidAnswersException(String kind, String title, String detail, List<FieldProblem> problems) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, kind, title, detail, problems);
    }

    public static InvalidAnswersException of(List<FieldProblem> problems) {
        return new InvalidAnswersException("invalid-answers", "Answers do not fit the exercise",
                "Some answers are missing or do not fit their questions. Nothing was saved.", problems);
    }

    /** A standardized questionnaire is scored complete or not at all: never prorated. */
    public static InvalidAnswersException incompleteQuestionnaire(List<FieldProblem> problems) {
        return new InvalidAnswersException("incomplete-questionnaire", "Questionnaire incomplete",
                "Every item of the questionnaire needs an answer before it can be scored. Nothing was saved.", problems);
    }
}
