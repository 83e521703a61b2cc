package org.teletherapy.service.fhir;

import org.springframework.http.HttpStatus;
import org.teletherapy.service.problem.FieldProblem;
import org.teletherapy.service.problem.ProblemException;

import java.util.List;

/** The errors every FHIR endpoint can answer; each service adds none of its own for these. */
public final class FhirProblems {

    private FhirProblems() {
    }

    /**
     * Not there, or not the caller's: FHIR servers answer both with 404, so that whether a record exists stays private
     * (DESIGN.md §8).
     */
    public static final class ResourceNotFoundException extends ProblemException {
        public ResourceNotFoundException(String resourceType) {
            super(HttpStatus.NOT_FOUND, "fhir-resource-not-found", "Resource not found",
                    "There is no such " + resourceType + " of yours.");
        }
    }

    /** A search parameter this server does not know, or a value it cannot read. */
    public static final class InvalidSearchException extends ProblemException {
        public InvalidSearchException(String parameter, String message) {
            super(HttpStatus.BAD_REQUEST, "fhir-invalid-search", "Invalid search",
                    "The search parameter '" + parameter + "' " + message,
                    List.of(new FieldProblem(parameter, "invalid", message)));
        }
    }
}
