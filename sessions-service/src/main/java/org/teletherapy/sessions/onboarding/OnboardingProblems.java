package org.teletherapy.sessions.onboarding;

import org.springframework.http.HttpStatus;
import org.teletherapy.service.problem.ProblemException;

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

    static final class ClientNotOnRosterException extends ProblemException {
        ClientNotOnRosterException() {
            super(HttpStatus.NOT_FOUND, "client-not-found", "Client not found", "This client is not on your roster.");
        }
    }
}
