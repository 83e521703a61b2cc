package org.teletherapy.sessions.onboarding;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.teletherapy.events.sessions.Actor;
import org.teletherapy.events.sessions.CancellationReason;
import org.teletherapy.sessions.booking.BookingService;
import org.teletherapy.sessions.booking.SessionStore;
import org.teletherapy.sessions.onboarding.OnboardingProblems.AccountExistsException;
import org.teletherapy.sessions.onboarding.OnboardingProblems.ClientNotOnRosterException;
import org.teletherapy.sessions.roster.RosterStore;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.util.UUID;

/**
 * New accounts and roster changes. The account is created first; only when that worked is the roster entry
 * written, and if writing it fails the account is removed again, so there is never a half-onboarded client.
 */
@Service
class Onboarding {

    private final Accounts accounts;
    private final RosterStore roster;
    private final SessionStore sessions;
    private final BookingService booking;
    private final TransactionalOperator transaction;
    private final Clock clock;

    Onboarding(Accounts accounts, RosterStore roster, SessionStore sessions, BookingService booking,
               TransactionalOperator transaction, Clock clock) {
        this.accounts = accounts;
        this.roster = roster;
        this.sessions = sessions;
        this.booking = booking;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Invites a new client, or links an existing client account (someone who left a roster and comes back, or sees
     * several therapists). The existing account is only linked: its name, password and settings stay untouched, and
     * it is never deleted if linking fails. An address that belongs to a therapist or an operator stays refused.
     */
    Mono<UUID> inviteClient(UUID therapistId, String therapistName, Accounts.NewPerson client) {
        return accounts.create(client, "client")
                .flatMap(clientId -> transaction.transactional(
                                roster.link(therapistId, therapistName, clientId, client.displayName()))
                        .thenReturn(clientId)
                        .onErrorResume(e -> accounts.delete(clientId).onErrorResume(ignored -> Mono.empty())
                                .then(Mono.error(e))))
                .onErrorResume(AccountExistsException.class, exists -> accounts.existing(client.email(), "client")
                        .switchIfEmpty(Mono.error(exists))
                        .flatMap(clientId -> transaction.transactional(
                                        roster.link(therapistId, therapistName, clientId, client.displayName()))
                                .flatMap(linked -> linked ? Mono.just(clientId) : Mono.error(
                                        new AccountExistsException("This client is on your roster already.")))));
    }

    Mono<UUID> createTherapist(Accounts.NewPerson therapist) {
        return accounts.create(therapist, "therapist");
    }

    /** Takes a client off the therapist's roster and cancels their future sessions together. */
    Mono<Void> removeClient(UUID therapistId, UUID clientId) {
        return transaction.transactional(roster.unlink(therapistId, clientId)
                .flatMap(wasLinked -> wasLinked
                        ? sessions.futureBookedBetween(therapistId, clientId, clock.instant())
                                .concatMap(id -> booking.cancelOne(id, Actor.SYSTEM, CancellationReason.ROSTER_UNLINKED))
                                .then()
                        : Mono.error(new ClientNotOnRosterException())));
    }
}
