package org.teletherapy.events.sessions;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Why a session was cancelled, as a code: the reason a person typed stays in sessions-service, because free text
 * may say anything about the client.
 */
public enum CancellationReason {
    @JsonProperty("schedule-conflict") SCHEDULE_CONFLICT,
    @JsonProperty("illness") ILLNESS,
    @JsonProperty("emergency") EMERGENCY,
    @JsonProperty("technical-problem") TECHNICAL_PROBLEM,
    @JsonProperty("therapist-unavailable") THERAPIST_UNAVAILABLE,
    @JsonProperty("roster-unlinked") ROSTER_UNLINKED,
    @JsonProperty("client-erased") CLIENT_ERASED,
    /** Also what a consumer reads for a code added after it was built, so new codes do not break it. */
    @JsonEnumDefaultValue @JsonProperty("other") OTHER
}
