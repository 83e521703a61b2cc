package org.teletherapy.sessions.onboarding;

import reactor.core.publisher.Mono;

import java.util.UUID;

/** User accounts in the identity provider. */
interface Accounts {

    /** A new person who must set a password and verify the e-mail on first login; gives their user id. */
    Mono<UUID> create(NewPerson person, String role);

    /**
     * The existing account with this e-mail address, if it holds {@code role}; empty when there is none or it has
     * another role. Reads only: the account and its credentials stay as they are.
     */
    Mono<UUID> existing(String email, String role);

    /** Undoes {@link #create} when the rest of an onboarding failed. */
    Mono<Void> delete(UUID userId);

    record NewPerson(String firstName, String lastName, String email) {

        String displayName() {
            return firstName + " " + lastName;
        }
    }
}
