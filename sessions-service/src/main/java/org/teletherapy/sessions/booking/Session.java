package org.teletherapy.sessions.booking;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

import java.time.Instant;
import java.util.UUID;

/** A therapy session between one therapist and one client. Statuses follow FHIR R4 Appointment. */
@Table("session")
record Session(@Id UUID id, UUID therapistId, UUID clientId, Instant startsAt, Instant endsAt, String status) {
}
