package org.teletherapy.sessions.erasure;

import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.teletherapy.service.keycloak.KeycloakAdminClients;
import org.teletherapy.sessions.erasure.ErasureProblems.IdentityUnavailableException;
import org.teletherapy.sessions.onboarding.KeycloakProperties;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Accounts in Keycloak through keycloak-admin-client, as the sessions-service service account (manage-users); the
 * blocking calls run on the bounded elastic scheduler. A Keycloak that does not answer, or answers 5xx, is
 * {@link IdentityUnavailableException}: the request answers 503, the saga tries the step again later.
 */
@Component
class KeycloakClientAccounts implements ClientAccounts, DisposableBean {

    private static final String CLIENT_ROLE = "client";

    private final Keycloak keycloak;
    private final String realm;

    KeycloakClientAccounts(KeycloakProperties properties) {
        this.realm = properties.realm();
        this.keycloak = KeycloakAdminClients.serviceAccount(properties.url(), properties.realm(),
                properties.clientId(), properties.clientSecret(), properties.connectTimeout(), properties.readTimeout());
    }

    @Override
    public Mono<Holder> holderOf(UUID userId) {
        return blocking(() -> {
            UserResource user = keycloak.realm(realm).users().get(userId.toString());
            try {
                user.toRepresentation();
            } catch (NotFoundException gone) {
                return Holder.NONE;
            }
            // The effective roles: the client role may come through a group or a composite role.
            return user.roles().realmLevel().listEffective().stream().anyMatch(role -> CLIENT_ROLE.equals(role.getName()))
                    ? Holder.CLIENT : Holder.NOT_A_CLIENT;
        });
    }

    @Override
    public Mono<Void> disable(UUID userId) {
        return blocking(() -> {
            UserResource user = keycloak.realm(realm).users().get(userId.toString());
            try {
                UserRepresentation account = user.toRepresentation();
                if (Boolean.TRUE.equals(account.isEnabled())) {
                    account.setEnabled(false);
                    user.update(account);
                }
                // Ends every session of the account, so no refresh token outlives the disabling.
                user.logout();
            } catch (NotFoundException gone) {
                // Removed already (an earlier attempt got further than it could record): nothing left to disable.
            }
            return null;
        }).then();
    }

    @Override
    public Mono<Void> remove(UUID userId) {
        return blocking(() -> {
            try (Response response = keycloak.realm(realm).users().delete(userId.toString())) {
                int status = response.getStatus();
                if (status >= 500) {
                    throw new WebApplicationException(status);
                }
                if (status >= 400 && status != 404) {
                    throw new IllegalStateException("Keycloak refused to remove an account: " + status);
                }
            }
            return null;
        }).then();
    }

    private <T> Mono<T> blocking(Callable<T> call) {
        return Mono.fromCallable(call)
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(KeycloakClientAccounts::unavailable, e -> new IdentityUnavailableException(e));
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
