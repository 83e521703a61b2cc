package org.teletherapy.notes.caseload;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.teletherapy.eventing.inbox.EventHandler;
import org.teletherapy.events.roster.RosterLinked;
import org.teletherapy.events.roster.RosterUnlinked;
import org.teletherapy.events.sessions.SessionBooked;
import org.teletherapy.events.sessions.SessionCancelled;
import org.teletherapy.events.sessions.SessionCompleted;
import org.teletherapy.events.sessions.SessionNoShow;
import org.teletherapy.events.sessions.SessionRescheduled;

/**
 * Keeps the caseload copy in step with sessions-service. Each event of a client arrives in order (the client's id
 * is the record key) and exactly once in effect (the eventing library records the event id in the same transaction).
 */
@Configuration(proxyBeanMethods = false)
class CaseloadEventHandlers {

    @Bean
    EventHandler<SessionBooked> sessionBooked(Caseload caseload) {
        return EventHandler.of(SessionBooked.class, caseload::booked);
    }

    @Bean
    EventHandler<SessionRescheduled> sessionRescheduled(Caseload caseload) {
        return EventHandler.of(SessionRescheduled.class, caseload::rescheduled);
    }

    @Bean
    EventHandler<SessionCancelled> sessionCancelled(Caseload caseload) {
        return EventHandler.of(SessionCancelled.class, caseload::cancelled);
    }

    @Bean
    EventHandler<SessionCompleted> sessionCompleted(Caseload caseload) {
        return EventHandler.of(SessionCompleted.class, caseload::completed);
    }

    @Bean
    EventHandler<SessionNoShow> sessionNoShow(Caseload caseload) {
        return EventHandler.of(SessionNoShow.class, caseload::noShow);
    }

    @Bean
    EventHandler<RosterLinked> rosterLinked(Caseload caseload) {
        return EventHandler.of(RosterLinked.class, caseload::linked);
    }

    @Bean
    EventHandler<RosterUnlinked> rosterUnlinked(Caseload caseload) {
        return EventHandler.of(RosterUnlinked.class, caseload::unlinked);
    }
}
