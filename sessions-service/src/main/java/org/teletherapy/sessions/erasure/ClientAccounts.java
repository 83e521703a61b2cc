package org.teletherapy.sessions.erasure;

import reactor.core.publisher.Mono;

import java.util.UUID;

/** What an erasure asks of the identity provider. Each call is safe to repeat: the saga retries until it succeeds. */
interface ClientAccounts {

    enum Holder { CLIENT, NOT_A_CLIENT, NONE }

    /** Whether the user exists and holds the client role. */
    Mono<Holder> holderOf(UUID userId);

    /** Disables the account and ends its sessions (refresh tokens stop working); done if there is no account any more. */
    Mono<Void> disable(UUID userId);

    /** Removes the account; done if it is gone already. */
    Mono<Void> remove(UUID userId);
}
