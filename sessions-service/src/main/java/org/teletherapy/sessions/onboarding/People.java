package org.teletherapy.sessions.onboarding;

import reactor.core.publisher.Mono;

import java.util.UUID;

/**
 * Who a platform user is, as the identity provider knows them: for the records a person asks to see of themselves
 * (FHIR Patient, Practitioner). Keycloak stays the one place names and addresses are kept.
 */
public interface People {

    /** The person, or empty when there is no such account (never created, or erased). */
    Mono<Person> find(UUID id);

    record Person(UUID id, String firstName, String lastName, String email) {
    }
}
