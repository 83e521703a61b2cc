package org.teletherapy.notifications.safety;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.teletherapy.eventing.inbox.EventHandler;
import org.teletherapy.events.exercises.MeasureSafetyAlert;
import org.teletherapy.events.exercises.MeasureSafetyAlertAcknowledged;

@Configuration(proxyBeanMethods = false)
class SafetyEventHandlers {

    @Bean
    EventHandler<MeasureSafetyAlert> safetyAlert(SafetyNotifications notifications) {
        return EventHandler.of(MeasureSafetyAlert.class, notifications::raised);
    }

    @Bean
    EventHandler<MeasureSafetyAlertAcknowledged> safetyAlertAcknowledged(SafetyNotifications notifications) {
        return EventHandler.of(MeasureSafetyAlertAcknowledged.class, notifications::acknowledged);
    }
}
