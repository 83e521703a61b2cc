package org.teletherapy.sessions.erasure;

import org.springframework.http.HttpStatus;
import org.teletherapy.service.problem.ProblemException;

/** The ways an erasure request is refused, each with its own problem type; details never name a person. */
final class ErasureProblems {

    private ErasureProblems() {
    }

    static final class IdentityUnavailableException extends ProblemException {
        IdentityUnavailableException(Throwable cause) {
            super(HttpStatus.SERVICE_UNAVAILABLE, "identity-unavailable", "Accounts temporarily unavailable",
                    "The identity service did not answer. Nothing was started; please try again shortly.", cause);
        }
    }

    static final class UnknownClientException extends ProblemException {
        UnknownClientException() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "unknown-client", "Unknown client",
                    "There is no account with this id.");
        }
    }

    static final class NotAClientException extends ProblemException {
        NotAClientException() {
            super(HttpStatus.UNPROCESSABLE_CONTENT, "not-a-client", "Not a client",
                    "This account is not a client's; only clients are erased here.");
        }
    }

    static final class ErasureNotFoundException extends ProblemException {
        ErasureNotFoundException() {
            super(HttpStatus.NOT_FOUND, "erasure-not-found", "Erasure not found", "There is no erasure with this id.");
        }
    }
}
