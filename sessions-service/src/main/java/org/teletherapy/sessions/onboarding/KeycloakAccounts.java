package org.teletherapy.sessions.onboarding;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.RealmResource;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.ErrorRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.teletherapy.service.keycloak.KeycloakAdminClients;
import org.teletherapy.sessions.onboarding.OnboardingProblems.AccountExistsException;
import org.teletherapy.sessions.onboarding.OnboardingProblems.IdentityUnavailableException;
import org.teletherapy.sessions.onboarding.OnboardingProblems.PersonRefusedException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Accounts in Keycloak through keycloak-admin-client; its blocking calls run on the bounded elastic scheduler. */
@Component
class KeycloakAccounts implements Accounts, People, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(KeycloakAccounts.class);
    private static final List<String> FIRST_LOGIN_ACTIONS = List.of("UPDATE_PASSWORD", "VERIFY_EMAIL");

    private final Keycloak keycloak;
    private final String realm;
    private final KeycloakProperties properties;

    KeycloakAccounts(KeycloakProperties properties) {
        this.realm = properties.realm();
        this.properties = properties;
        this.keycloak = KeycloakAdminClients.serviceAccount(properties.url(), properties.realm(),
                properties.clientId(), properties.clientSecret(), properties.connectTimeout(), properties.readTimeout());
    }

    @Override
    public Mono<UUID> create(NewPerson person, String role) {
        return Mono.fromCallable(() -> createBlocking(person, role))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(KeycloakAccounts::unavailable, e -> {
                    log.warn("Keycloak unavailable while creating an account: {}", e.getClass().getSimpleName());
                    return new IdentityUnavailableException();
                });
    }

    private UUID createBlocking(NewPerson person, String role) {
        RealmResource realmResource = keycloak.realm(realm);
        UserRepresentation user = new UserRepresentation();
        user.setUsername(person.email());
        user.setEmail(person.email());
        user.setFirstName(person.firstName());
        user.setLastName(person.lastName());
        user.setEnabled(true);
        user.setEmailVerified(false);
        user.setRequiredActions(FIRST_LOGIN_ACTIONS);
        UUID id;
        try (Response response = realmResource.users().create(user)) {
            if (response.getStatus() == 409) {
                throw new AccountExistsException();
            }
            if (response.getStatus() == 400) {
                throw new PersonRefusedException(refusedField(response));
            }
            id = UUID.fromString(CreatedResponseUtil.getCreatedId(response));
        }
        try {
            UserResource created = realmResource.users().get(id.toString());
            // listAvailable needs only view-users; reading the role by name would need view-realm as well.
            RoleRepresentation realmRole = created.roles().realmLevel().listAvailable().stream()
                    .filter(candidate -> candidate.getName().equals(role))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("realm role " + role + " is missing"));
            created.roles().realmLevel().add(List.of(realmRole));
            sendInvitation(created);
            return id;
        } catch (RuntimeException e) {
            realmResource.users().delete(id.toString()).close();
            throw e;
        }
    }

    /**
     * Keycloak's own mail (execute-actions): a link to set a password and confirm the address, leading on to the web
     * app. The account stands if the mail cannot go out: the person can still reset the password from the login page.
     */
    private void sendInvitation(UserResource created) {
        try {
            created.executeActionsEmail(properties.invitationClientId(), properties.invitationRedirectUri(),
                    (int) properties.invitationLifespan().toSeconds(), FIRST_LOGIN_ACTIONS);
        } catch (RuntimeException e) {
            log.warn("Keycloak could not send the invitation mail of a new account: {}", e.getClass().getSimpleName());
        }
    }

    /** Keycloak's user profile names the attribute it refused; the username is the e-mail address here. */
    private static String refusedField(Response response) {
        try {
            ErrorRepresentation error = response.readEntity(ErrorRepresentation.class);
            String field = error.getField() == null && error.getErrors() != null && !error.getErrors().isEmpty()
                    ? error.getErrors().get(0).getField() : error.getField();
            return field == null || "username".equals(field) ? "email" : field;
        } catch (RuntimeException unreadable) {
            return "email";
        }
    }

    @Override
    public Mono<UUID> existing(String email, String role) {
        return Mono.fromCallable(() -> existingBlocking(email, role))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::justOrEmpty)
                .onErrorMap(KeycloakAccounts::unavailable, e -> {
                    log.warn("Keycloak unavailable while looking up an account: {}", e.getClass().getSimpleName());
                    return new IdentityUnavailableException();
                });
    }

    private Optional<UUID> existingBlocking(String email, String role) {
        RealmResource realmResource = keycloak.realm(realm);
        return realmResource.users().searchByEmail(email, true).stream()
                .filter(user -> email.equalsIgnoreCase(user.getEmail()))
                .findFirst()
                .filter(user -> realmResource.users().get(user.getId()).roles().realmLevel().listEffective().stream()
                        .anyMatch(held -> held.getName().equals(role)))
                .map(user -> UUID.fromString(user.getId()));
    }

    @Override
    public Mono<Void> delete(UUID userId) {
        return Mono.fromRunnable(() -> keycloak.realm(realm).users().delete(userId.toString()).close())
                .subscribeOn(Schedulers.boundedElastic())
                .then();
    }

    @Override
    public Mono<Person> find(UUID id) {
        return Mono.fromCallable(() -> findBlocking(id))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(Mono::justOrEmpty)
                .onErrorMap(KeycloakAccounts::unavailable, e -> {
                    log.warn("Keycloak unavailable while reading an account: {}", e.getClass().getSimpleName());
                    return new IdentityUnavailableException();
                });
    }

    private Optional<Person> findBlocking(UUID id) {
        try {
            UserRepresentation user = keycloak.realm(realm).users().get(id.toString()).toRepresentation();
            return Optional.of(new Person(id, user.getFirstName(), user.getLastName(), user.getEmail()));
        } catch (jakarta.ws.rs.NotFoundException gone) {
            return Optional.empty();
        }
    }

    private static boolean unavailable(Throwable error) {
        return error instanceof ProcessingException
                || (error instanceof WebApplicationException web && web.getResponse().getStatus() >= 500);
    }

    @Override
    public void destroy() {
        keycloak.close();
    }
}
