package org.teletherapy.eventing.outbox;

import java.time.Duration;

/** Doubling pauses from 100 ms up to a ceiling, so a long outage costs few attempts and recovery is quick. */
final class Backoff {

    private static final Duration FIRST = Duration.ofMillis(100);

    private final Duration max;
    private Duration next = FIRST;

    Backoff(Duration max) {
        this.max = max;
    }

    Duration next() {
        Duration current = next;
        next = next.multipliedBy(2).compareTo(max) > 0 ? max : next.multipliedBy(2);
        return current;
    }

    void reset() {
        next = FIRST;
    }
}
