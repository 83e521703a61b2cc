package org.teletherapy.sessions.booking;

import java.time.Instant;
import java.util.UUID;

/**
 * A session as the client's record shows it (the FHIR Appointment): people, times, status and, for a cancelled one,
 * who cancelled and the reason's code. Never the free text a person may have typed.
 *
 * @param status       FHIR R4 Appointment.status, as stored
 * @param cancelReason a {@code CancellationReason} code, or {@code rescheduled} for a session that was moved
 */
public record SessionRecord(UUID id, UUID therapistId, UUID clientId, Instant startsAt, Instant endsAt, String status,
                            Instant createdAt, Instant updatedAt, String cancelledBy, String cancelReason) {
}
