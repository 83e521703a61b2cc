package org.teletherapy.events.exercises;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The standardized questionnaires the platform scores. */
public enum Instrument {
    @JsonProperty("PHQ-9") PHQ_9,
    @JsonProperty("GAD-7") GAD_7
}
