package org.teletherapy.notifications.session;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.teletherapy.eventing.inbox.EventHandler;
import org.teletherapy.events.sessions.SessionBooked;
import org.teletherapy.events.sessions.SessionCancelled;
import org.teletherapy.events.sessions.SessionRescheduled;

@Configuration(proxyBeanMethods = false)
class SessionEventHandlers {

    @Bean
    EventHandler<SessionBooked> sessionBooked(SessionNotifications notifications) {
        return EventHandler.of(SessionBooked.class, notifications::booked);
    }

    @Bean
    EventHandler<SessionRescheduled> sessionRescheduled(SessionNotifications notifications) {
        return EventHandler.of(SessionRescheduled.class, notifications::rescheduled);
    }

    @Bean
    EventHandler<SessionCancelled> sessionCancelled(SessionNotifications notifications) {
        return EventHandler.of(SessionCancelled.class, notifications::cancelled);
    }
}
