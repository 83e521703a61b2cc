package org.teletherapy.notifications.preference;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/** @param leadTimes how long before a session reminders go out, unless a person chose otherwise */
@ConfigurationProperties("teletherapy.notifications.reminders")
record ReminderProperties(@DefaultValue({"24h", "1h"}) List<Duration> leadTimes) {
}
