package org.teletherapy.sessions.availability;

import reactor.core.publisher.Flux;

import java.time.Instant;
import java.util.UUID;

/**
 * When a therapist is taken already, as free slots need it. Booking owns the sessions and implements this, so that
 * availability asks for busy times without depending on booking (which depends on availability).
 */
public interface BusyTimes {

    /** Active sessions of a therapist that touch [from, to), with their buffers. */
    Flux<BusyInterval> busy(UUID therapistId, Instant from, Instant to);
}
