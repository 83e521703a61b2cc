package org.teletherapy.eventing.testapp;

import org.teletherapy.events.sessions.SessionBooked;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

public final class TestEvents {

    private TestEvents() {
    }

    public static SessionBooked booked(UUID sessionId, UUID clientId) {
        Instant start = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        return new SessionBooked(sessionId, clientId, UUID.randomUUID(), start, start.plus(50, ChronoUnit.MINUTES),
                Instant.now());
    }
}
