package org.teletherapy.web.booking;

import java.time.Instant;

/** A free time the API offers. */
record Slot(Instant start, Instant end) {
}
