package org.teletherapy.exercises.figures;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/** @param refreshInterval how often the gauges re-count from the database */
@ConfigurationProperties("teletherapy.exercises.figures")
record FiguresProperties(@DefaultValue("30s") Duration refreshInterval) {
}
