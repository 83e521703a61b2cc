package org.teletherapy.eventing.status;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a service's event pipeline is doing. A figure is null when it cannot be known right now (its database or Kafka
 * away): operators must see "unknown", never a reassuring 0.
 *
 * @param outboxBacklog          outbox rows not yet published
 * @param outboxOldestAgeSeconds how long the oldest of them has waited (0 without a backlog)
 * @param consumerLag            records on the topics this service consumes that its consumer group has not committed
 * @param deadLetters            records held in the {@code .dlt} topics of the topics this service consumes
 */
public record Pipeline(Long outboxBacklog, Long outboxOldestAgeSeconds, Long consumerLag, Long deadLetters) {

    /** The known figures by name, as a service's ops status lists them. */
    public Map<String, Long> figures() {
        Map<String, Long> figures = new LinkedHashMap<>();
        putKnown(figures, "outboxBacklog", outboxBacklog);
        putKnown(figures, "outboxOldestAgeSeconds", outboxOldestAgeSeconds);
        putKnown(figures, "consumerLag", consumerLag);
        putKnown(figures, "deadLetters", deadLetters);
        return figures;
    }

    private static void putKnown(Map<String, Long> figures, String name, Long value) {
        if (value != null) {
            figures.put(name, value);
        }
    }
}
