package org.teletherapy.events.erasure;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The services that hold a part of a client's data outside sessions-service, each erasing its own. */
public enum ErasurePart {
    @JsonProperty("notes") NOTES,
    @JsonProperty("exercises") EXERCISES,
    @JsonProperty("notifications") NOTIFICATIONS
}
