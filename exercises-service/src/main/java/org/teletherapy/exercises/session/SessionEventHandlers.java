package org.teletherapy.exercises.session;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.teletherapy.eventing.inbox.EventHandler;
import org.teletherapy.events.sessions.SessionBooked;
import org.teletherapy.events.sessions.SessionCancelled;
import org.teletherapy.events.sessions.SessionNoShow;

/**
 * Keeps {@link KnownSessions} in step with sessions-service. {@code session.completed} and {@code session.rescheduled}
 * change homework as well and are applied in the assignment package, which records them here too.
 */
@Configuration(proxyBeanMethods = false)
class SessionEventHandlers {

    @Bean
    EventHandler<SessionBooked> sessionBooked(KnownSessions sessions) {
        return EventHandler.of(SessionBooked.class, sessions::booked);
    }

    @Bean
    EventHandler<SessionCancelled> sessionCancelled(KnownSessions sessions) {
        return EventHandler.of(SessionCancelled.class, sessions::cancelled);
    }

    @Bean
    EventHandler<SessionNoShow> sessionNoShow(KnownSessions sessions) {
        return EventHandler.of(SessionNoShow.class, sessions::noShow);
    }
}
