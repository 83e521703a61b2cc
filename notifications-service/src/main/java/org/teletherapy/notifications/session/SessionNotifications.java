package org.teletherapy.notifications.session;

import org.springframework.stereotype.Service;
import org.teletherapy.events.sessions.CancellationReason;
import org.teletherapy.events.sessions.SessionBooked;
import org.teletherapy.events.sessions.SessionCancelled;
import org.teletherapy.events.sessions.SessionRescheduled;
import org.teletherapy.notifications.delivery.Deliveries;
import org.teletherapy.notifications.delivery.Delivery;
import org.teletherapy.notifications.delivery.DeliveryCheck;
import org.teletherapy.notifications.delivery.Kind;
import org.teletherapy.notifications.delivery.NewDelivery;
import org.teletherapy.notifications.delivery.RecipientRole;
import org.teletherapy.notifications.preference.Preferences;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Confirmations of booked, moved and cancelled sessions to client and therapist, and the reminders before each
 * booked session: planned as durable deliveries when the event is applied, cancelled or planned anew when the
 * session is cancelled or moved, and checked once more when they are due.
 */
@Service
class SessionNotifications implements DeliveryCheck {

    private final KnownSessions sessions;
    private final Deliveries deliveries;
    private final Preferences preferences;
    private final Clock clock;

    SessionNotifications(KnownSessions sessions, Deliveries deliveries, Preferences preferences, Clock clock) {
        this.sessions = sessions;
        this.deliveries = deliveries;
        this.preferences = preferences;
        this.clock = clock;
    }

    Mono<Void> booked(SessionBooked event) {
        return sessions.booked(event.sessionId(), event.clientId(), event.therapistId(), event.startsAt(),
                        event.endsAt(), event.occurredAt())
                .flatMap(entry -> confirm(Kind.SESSION_BOOKED, event.sessionId(), event.clientId(), event.therapistId(),
                        entry, true)
                        .then(planReminders(event.sessionId(), event.clientId(), event.therapistId(), event.startsAt())));
    }

    Mono<Void> rescheduled(SessionRescheduled event) {
        return deliveries.cancelPending(event.originalSessionId(), List.of(Kind.SESSION_REMINDER))
                .then(sessions.moved(event.originalSessionId(), event.sessionId(), event.clientId(),
                        event.therapistId(), event.startsAt(), event.endsAt(), event.occurredAt()))
                .flatMap(entry -> confirm(Kind.SESSION_RESCHEDULED, event.sessionId(), event.clientId(),
                        event.therapistId(), entry, true)
                        .then(planReminders(event.sessionId(), event.clientId(), event.therapistId(), event.startsAt())));
    }

    Mono<Void> cancelled(SessionCancelled event) {
        // An erased client has no account any more: only the therapist hears of it.
        boolean toClient = event.reasonCode() != CancellationReason.CLIENT_ERASED;
        return deliveries.cancelPending(event.sessionId(), List.of(Kind.SESSION_REMINDER))
                .then(sessions.cancelled(event.sessionId(), event.startsAt(), event.occurredAt()))
                .flatMap(entry -> confirm(Kind.SESSION_CANCELLED, event.sessionId(), event.clientId(),
                        event.therapistId(), entry, toClient));
    }

    private Mono<Void> confirm(Kind kind, UUID sessionId, UUID clientId, UUID therapistId, KnownSessions.Entry entry,
                               boolean toClient) {
        Map<String, String> facts = Map.of("sessionId", sessionId.toString(),
                "uidSessionId", entry.uidSessionId().toString(), "sequence", Integer.toString(entry.sequence()),
                "startsAt", entry.startsAt().toString(), "endsAt", entry.endsAt().toString(),
                "therapistId", therapistId.toString());
        String occasion = "sequence-" + entry.sequence();
        Instant now = clock.instant();
        Mono<Void> client = toClient
                ? deliveries.plan(NewDelivery.to(kind, clientId, RecipientRole.CLIENT, entry.uidSessionId(), facts,
                        occasion, now), now)
                : Mono.empty();
        return client.then(deliveries.plan(NewDelivery.to(kind, therapistId, RecipientRole.THERAPIST,
                entry.uidSessionId(), facts, occasion, now), now));
    }

    private Mono<Void> planReminders(UUID sessionId, UUID clientId, UUID therapistId, Instant startsAt) {
        return Flux.concat(remindersFor(sessionId, clientId, RecipientRole.CLIENT, therapistId, startsAt),
                remindersFor(sessionId, therapistId, RecipientRole.THERAPIST, therapistId, startsAt)).then();
    }

    private Flux<Void> remindersFor(UUID sessionId, UUID recipientId, RecipientRole role, UUID therapistId,
                                    Instant startsAt) {
        Instant now = clock.instant();
        return preferences.of(recipientId, role == RecipientRole.THERAPIST)
                .filter(preference -> preference.reminders())
                .flatMapMany(preference -> Flux.fromIterable(preference.reminderLeadMinutes()))
                .map(lead -> NewDelivery.to(Kind.SESSION_REMINDER, recipientId, role, sessionId,
                        Map.of("sessionId", sessionId.toString(), "startsAt", startsAt.toString(),
                                "therapistId", therapistId.toString(), "leadMinutes", lead.toString()),
                        lead + "min-before-" + startsAt, startsAt.minus(Duration.ofMinutes(lead))))
                // A reminder whose time has passed when the session is booked would only be late.
                .filter(reminder -> reminder.dueAt().isAfter(now))
                .concatMap(reminder -> deliveries.plan(reminder, now));
    }

    @Override
    public boolean covers(Kind kind) {
        return kind == Kind.SESSION_REMINDER;
    }

    @Override
    public Mono<Boolean> stillWanted(Delivery reminder) {
        return sessions.bookedAt(UUID.fromString(reminder.fact("sessionId")), Instant.parse(reminder.fact("startsAt")));
    }
}
