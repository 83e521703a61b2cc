package org.teletherapy.events.sessions;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Who acted on a session: a role, never a person's name. */
public enum Actor {
    @JsonProperty("client") CLIENT,
    @JsonProperty("therapist") THERAPIST,
    /** The platform itself, for example when a client is erased or a therapist leaves the roster. */
    @JsonProperty("system") SYSTEM
}
