package org.teletherapy.events.erasure;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a service ended its part of an erasure: it erased the client's data, or a rule made it keep them. */
public enum ErasureOutcome {
    @JsonProperty("done") DONE,
    @JsonProperty("refused") REFUSED
}
