package org.teletherapy.exercises.assignment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxInstances the most instances one recurring assignment may create (120: four months of daily entries)
 */
@ConfigurationProperties("teletherapy.exercises.assignments")
record AssignmentProperties(@DefaultValue("120") int maxInstances) {
}
