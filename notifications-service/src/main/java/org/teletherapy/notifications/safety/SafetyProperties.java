package org.teletherapy.notifications.safety;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** @param escalateAfter how long an alert may stay unacknowledged before the clinical on-call address hears of it */
@ConfigurationProperties("teletherapy.notifications.safety")
record SafetyProperties(@DefaultValue("15m") Duration escalateAfter) {
}
