package org.teletherapy.notifications.erasure;

import org.springframework.stereotype.Component;
import org.teletherapy.eventing.inbox.EventHandler;
import org.teletherapy.eventing.inbox.EventMetadata;
import org.teletherapy.events.accounts.ClientErased;
import org.teletherapy.notifications.delivery.Deliveries;
import org.teletherapy.notifications.preference.Preferences;
import org.teletherapy.notifications.safety.ClientAlerts;
import org.teletherapy.notifications.session.ClientSessions;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * An erased client leaves nothing here: no pending message to or about them (an escalation included: their account
 * and their alerts are gone), no line of anyone's delivery log about their sessions, no choice, no session or alert.
 * Runs in the inbox transaction, so a crash half-way leaves everything to be done again.
 */
@Component
class ClientErasedHandler implements EventHandler<ClientErased> {

    private final ClientSessions sessions;
    private final ClientAlerts alerts;
    private final Deliveries deliveries;
    private final Preferences preferences;

    ClientErasedHandler(ClientSessions sessions, ClientAlerts alerts, Deliveries deliveries, Preferences preferences) {
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
                .then(preferences.forget(event.clientId()));
    }
}
