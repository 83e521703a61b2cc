package org.teletherapy.notes.caseload;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.teletherapy.eventing.inbox.EventHandler;
import org.teletherapy.eventing.inbox.EventMetadata;
import org.teletherapy.events.DomainEvent;
import org.teletherapy.events.roster.RosterLinked;
import org.teletherapy.events.roster.RosterUnlinked;
import org.teletherapy.events.sessions.SessionBooked;
import org.teletherapy.events.sessions.SessionCancelled;
import org.teletherapy.events.sessions.SessionCompleted;
import org.teletherapy.events.sessions.SessionNoShow;
import org.teletherapy.events.sessions.SessionRescheduled;
import reactor.core.publisher.Mono;

import java.util.function.Function;

/**
 * Keeps the caseload copy in step with sessions-service. Each event of a client arrives in order (the client's id
 * is the record key) and exactly once in effect (the eventing library records the event id in the same transaction).
 */
@Configuration(proxyBeanMethods = false)
class CaseloadEventHandlers {

    @Bean
    EventHandler<SessionBooked> sessionBooked(Caseload caseload) {
        return handler(SessionBooked.class, event -> caseload.booked(event.sessionId(), event.clientId(),
                event.therapistId(), event.startsAt(), event.endsAt()));
    }

    @Bean
    EventHandler<SessionRescheduled> sessionRescheduled(Caseload caseload) {
        return handler(SessionRescheduled.class, event -> caseload.rescheduled(event.sessionId(),
                event.originalSessionId(), event.clientId(), event.therapistId(), event.startsAt(), event.endsAt()));
    }

    @Bean
    EventHandler<SessionCancelled> sessionCancelled(Caseload caseload) {
        return handler(SessionCancelled.class, event -> caseload.ended(event.sessionId(), event.clientId(),
                event.therapistId(), event.startsAt(), null, "cancelled", null));
    }

    @Bean
    EventHandler<SessionCompleted> sessionCompleted(Caseload caseload) {
        return handler(SessionCompleted.class, event -> caseload.ended(event.sessionId(), event.clientId(),
                event.therapistId(), event.startsAt(), event.endsAt(), "completed", event.occurredAt()));
    }

    @Bean
    EventHandler<SessionNoShow> sessionNoShow(Caseload caseload) {
        return handler(SessionNoShow.class, event -> caseload.ended(event.sessionId(), event.clientId(),
                event.therapistId(), event.startsAt(), null, "noshow", null));
    }

    @Bean
    EventHandler<RosterLinked> rosterLinked(Caseload caseload) {
        return handler(RosterLinked.class, event -> caseload.roster(event.therapistId(), event.clientId(), true,
                event.occurredAt()));
    }

    @Bean
    EventHandler<RosterUnlinked> rosterUnlinked(Caseload caseload) {
        return handler(RosterUnlinked.class, event -> caseload.roster(event.therapistId(), event.clientId(), false,
                event.occurredAt()));
    }

    private static <E extends DomainEvent> EventHandler<E> handler(Class<E> type, Function<E, Mono<Void>> effect) {
        return new EventHandler<>() {
            @Override
            public Class<E> eventClass() {
                return type;
            }

            @Override
            public Mono<Void> apply(E event, EventMetadata metadata) {
                return effect.apply(event);
            }
        };
    }
}
