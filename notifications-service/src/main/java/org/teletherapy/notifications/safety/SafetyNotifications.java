package org.teletherapy.notifications.safety;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.teletherapy.events.exercises.MeasureSafetyAlert;
import org.teletherapy.events.exercises.MeasureSafetyAlertAcknowledged;
import org.teletherapy.notifications.delivery.Deliveries;
import org.teletherapy.notifications.delivery.Delivery;
import org.teletherapy.notifications.delivery.DeliveryCheck;
import org.teletherapy.notifications.delivery.Kind;
import org.teletherapy.notifications.delivery.NewDelivery;
import org.teletherapy.notifications.delivery.RecipientRole;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A safety alert reaches each of the client's therapists at once (exercises-service announces it once per
 * therapist), and, if nobody acknowledges it in time, the deployment's clinical on-call address, once. The messages
 * say that a client needs attention and link to the workspace: no name, no score, no answer. They cannot be turned off.
 */
@Service
class SafetyNotifications implements DeliveryCheck {

    private final DatabaseClient database;
    private final Deliveries deliveries;
    private final SafetyProperties properties;
    private final Clock clock;

    SafetyNotifications(DatabaseClient database, Deliveries deliveries, SafetyProperties properties, Clock clock) {
        this.database = database;
        this.deliveries = deliveries;
        this.properties = properties;
        this.clock = clock;
    }

    Mono<Void> raised(MeasureSafetyAlert event) {
        Instant now = clock.instant();
        Map<String, String> facts = Map.of("alertId", event.alertId().toString());
        NewDelivery toTherapist = NewDelivery.to(Kind.SAFETY_ALERT, event.therapistId(), RecipientRole.THERAPIST,
                event.alertId(), facts, "raised", now);
        // One escalation per alert however many therapists were told: the key names the alert only.
        NewDelivery escalation = new NewDelivery(Kind.SAFETY_ESCALATION, null, RecipientRole.ON_CALL, event.alertId(),
                facts, "safety-escalation:" + event.alertId(), event.occurredAt().plus(properties.escalateAfter()));
        return database.sql("""
                        insert into safety_alert (id, client_id, raised_at) values (:id, :client, :raised)
                        on conflict (id) do nothing""")
                .bind("id", event.alertId())
                .bind("client", event.clientId())
                .bind("raised", event.occurredAt())
                .then()
                .then(deliveries.plan(toTherapist, now))
                .then(deliveries.plan(escalation, now));
    }

    /** A therapist acknowledged the alert (even before this service heard of it): no escalation follows. */
    Mono<Void> acknowledged(MeasureSafetyAlertAcknowledged event) {
        return database.sql("""
                        insert into safety_alert (id, client_id, raised_at, acknowledged_at)
                        values (:id, :client, :at, :at)
                        on conflict (id) do update set acknowledged_at = excluded.acknowledged_at
                         where safety_alert.acknowledged_at is null""")
                .bind("id", event.alertId())
                .bind("client", event.clientId())
                .bind("at", event.occurredAt())
                .then()
                .then(deliveries.cancelPending(event.alertId(), List.of(Kind.SAFETY_ESCALATION)))
                .then();
    }

    @Override
    public boolean covers(Kind kind) {
        return kind == Kind.SAFETY_ESCALATION;
    }

    /** The escalation goes out unless the alert was acknowledged meanwhile. */
    @Override
    public Mono<Boolean> stillWanted(Delivery escalation) {
        return database.sql("select acknowledged_at is null as open from safety_alert where id = :id")
                .bind("id", escalation.subjectId())
                .map(row -> Boolean.TRUE.equals(row.get("open", Boolean.class)))
                .one()
                .defaultIfEmpty(true);
    }
}
