package org.teletherapy.notifications.roster;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.teletherapy.eventing.inbox.EventHandler;
import org.teletherapy.events.roster.RosterLinked;
import org.teletherapy.notifications.delivery.Deliveries;
import org.teletherapy.notifications.delivery.Kind;
import org.teletherapy.notifications.delivery.NewDelivery;
import org.teletherapy.notifications.delivery.RecipientRole;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Tells a client that a therapist has added them (their account's first steps come from Keycloak's own mail). */
@Configuration(proxyBeanMethods = false)
class RosterNotifications {

    @Bean
    EventHandler<RosterLinked> rosterLinked(Deliveries deliveries, Clock clock) {
        return EventHandler.of(RosterLinked.class, event -> {
            Instant now = clock.instant();
            return deliveries.plan(NewDelivery.to(Kind.ROSTER_LINKED, event.clientId(), RecipientRole.CLIENT,
                    event.therapistId(), Map.of("therapistId", event.therapistId().toString()),
                    "linked-" + event.occurredAt(), now), now);
        });
    }
}
