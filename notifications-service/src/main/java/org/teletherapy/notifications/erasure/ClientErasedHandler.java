package org.teletherapy.notifications.erasure;

import org.springframework.stereotype.Component;
import org.teletherapy.eventing.inbox.EventHandler;
import org.teletherapy.eventing.inbox.EventMetadata;
import org.teletherapy.eventing.outbox.OutboxWriter;
import org.teletherapy.events.accounts.ClientErased;
import org.teletherapy.events.erasure.ErasurePart;
import org.teletherapy.events.erasure.ErasurePartDone;
import org.teletherapy.notifications.delivery.Deliveries;
import org.teletherapy.notifications.preference.Preferences;
import org.teletherapy.notifications.safety.ClientAlerts;
import org.teletherapy.notifications.session.ClientSessions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import java.time.Clock;

/**
 * An erased client leaves nothing here: no pending message to or about them (an escalation included: their account
 * and their alerts are gone), no line of anyone's delivery log about their sessions, no choice, no session or alert.
 * Runs in the inbox transaction, so a crash half-way leaves everything to be done again; the confirmation of the
 * notifications part ({@code erasure.part-done}) for sessions-service's erasure saga is written in it too. This is
 * the service's only event, so its outbox exists for it.
 */
@Component
class ClientErasedHandler implements EventHandler<ClientErased> {

    private final ClientSessions sessions;
    private final ClientAlerts alerts;
    private final Deliveries deliveries;
    private final Preferences preferences;
    private final OutboxWriter outbox;
    private final Clock clock;

    ClientErasedHandler(ClientSessions sessions, ClientAlerts alerts, Deliveries deliveries, Preferences preferences,
                        OutboxWriter outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
        this.sessions = sessions;
        this.alerts = alerts;
        this.deliveries = deliveries;
        this.preferences = preferences;
    }

    @Override
    public Class<ClientErased> eventClass() {
        return ClientErased.class;
    }

    @Override
    public Mono<Void> apply(ClientErased event, EventMetadata metadata) {
        return Flux.concat(sessions.forget(event.clientId()), alerts.forget(event.clientId()))
                .collectList()
                .flatMap(subjects -> deliveries.forget(event.clientId(), subjects))
                .then(preferences.forget(event.clientId()))
                .then(outbox.append(ErasurePartDone.done(event.clientId(), ErasurePart.NOTIFICATIONS, clock.instant()),
                        event.clientId().toString()))
                .then();
    }
}
