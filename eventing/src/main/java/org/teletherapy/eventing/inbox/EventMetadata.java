package org.teletherapy.eventing.inbox;

import java.time.Instant;
import java.util.UUID;

/** The CloudEvents attributes of a received event. */
public record EventMetadata(UUID id, String type, String source, Instant time, String subject) {
}
