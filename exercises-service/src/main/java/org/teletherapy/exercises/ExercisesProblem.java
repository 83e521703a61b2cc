package org.teletherapy.exercises;

import org.springframework.http.HttpStatus;
import org.teletherapy.service.problem.ProblemException;

import java.util.List;

/**
 * Base of this service's error types: a {@link ProblemException} that can list the offending fields. Field problems
 * name fields and question ids only, never the values sent.
 */
public class ExercisesProblem extends ProblemException {

    protected ExercisesProblem(HttpStatus status, String kind, String title, String detail) {
        super(status, kind, title, detail);
    }

    protected ExercisesProblem(HttpStatus status, String kind, String title, String detail, List<FieldProblem> errors) {
        this(status, kind, title, detail);
        with("errors", errors);
    }
}
