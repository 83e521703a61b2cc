package org.teletherapy.notifications.homework;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.teletherapy.eventing.inbox.EventHandler;
import org.teletherapy.events.exercises.ExerciseAssigned;
import org.teletherapy.events.exercises.ExerciseOverdue;
import org.teletherapy.notifications.delivery.Deliveries;
import org.teletherapy.notifications.delivery.Kind;
import org.teletherapy.notifications.delivery.NewDelivery;
import org.teletherapy.notifications.delivery.RecipientRole;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A short message to the client when homework is given and when it is overdue: its due time and a link, no content. */
@Configuration(proxyBeanMethods = false)
class HomeworkNotifications {

    @Bean
    EventHandler<ExerciseAssigned> exerciseAssigned(Deliveries deliveries, Clock clock) {
        return EventHandler.of(ExerciseAssigned.class, event -> tell(deliveries, clock, Kind.EXERCISE_ASSIGNED,
                event.assignmentId(), event.clientId(), event.therapistId(), event.dueAt()));
    }

    @Bean
    EventHandler<ExerciseOverdue> exerciseOverdue(Deliveries deliveries, Clock clock) {
        return EventHandler.of(ExerciseOverdue.class, event -> tell(deliveries, clock, Kind.EXERCISE_OVERDUE,
                event.assignmentId(), event.clientId(), event.therapistId(), event.dueAt()));
    }

    private static Mono<Void> tell(Deliveries deliveries, Clock clock, Kind kind, UUID assignmentId, UUID clientId,
                                   UUID therapistId, Instant dueAt) {
        Instant now = clock.instant();
        return deliveries.plan(NewDelivery.to(kind, clientId, RecipientRole.CLIENT, assignmentId,
                Map.of("assignmentId", assignmentId.toString(), "dueAt", dueAt.toString(),
                        "therapistId", therapistId.toString()), "once", now), now);
    }
}
