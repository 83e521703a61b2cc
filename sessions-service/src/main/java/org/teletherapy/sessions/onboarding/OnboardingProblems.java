package org.teletherapy.sessions.onboarding;

import org.springframework.http.HttpStatus;
import org.teletherapy.service.problem.ProblemException;

import java.util.List;
import java.util.Map;

final class OnboardingProblems {

    private OnboardingProblems() {
    }

    static final class IdentityUnavailableException extends ProblemException {
        IdentityUnavailableException() {
            super(HttpStatus.SERVICE_UNAVAILABLE, "identity-unavailable", "Accounts temporarily unavailable",
                    "The identity service did not answer. Nothing was created; please try again shortly.");
        }
    }

    static final class AccountExistsException extends ProblemException {
        AccountExistsException() {
            this("An account with this e-mail address exists already.");
        }

        AccountExistsException(String detail) {
            super(HttpStatus.CONFLICT, "account-exists", "Account exists", detail);
        }
    }

    /** Keycloak's user profile refused a value (e.g. a character it does not allow in a name): the caller's mistake. */
    static final class PersonRefusedException extends ProblemException {
        PersonRefusedException(String field) {
            super(HttpStatus.BAD_REQUEST, "validation", "Invalid request", "Some fields are missing or invalid.");
            with("errors", List.of(Map.of("field", field,
                    "message", "is not accepted by the identity service (check for characters such as < > & or $)")));
        }
    }

    static final class ClientNotOnRosterException extends ProblemException {
        ClientNotOnRosterException() {
            super(HttpStatus.NOT_FOUND, "client-not-found", "Client not found", "This client is not on your roster.");
        }
    }
}
