package org.teletherapy.sessions.booking;

import java.time.Instant;
import java.util.UUID;

/** A therapy session between one therapist and one client. Statuses follow FHIR R4 Appointment. */
record Session(UUID id, UUID therapistId, UUID clientId, Instant startsAt, Instant endsAt, Instant blockedUntil,
               String status, UUID seriesId, UUID rescheduledFrom, int rescheduleCount, String videoRoom,
               Instant cancelledAt, String cancelledBy, String cancelReason, Boolean lateCancellation) {

    static final String BOOKED = "booked";
    static final String FULFILLED = "fulfilled";
    static final String CANCELLED = "cancelled";
    static final String NO_SHOW = "noshow";

    boolean hasParticipant(UUID person) {
        return therapistId.equals(person) || clientId.equals(person);
    }
}
