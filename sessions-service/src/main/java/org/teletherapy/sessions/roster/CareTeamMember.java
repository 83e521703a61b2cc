package org.teletherapy.sessions.roster;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.UUID;

/** One person of the caller's care team: a client sees their therapists, a therapist their clients. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CareTeamMember(UUID therapistId, UUID clientId, String name) {
}
