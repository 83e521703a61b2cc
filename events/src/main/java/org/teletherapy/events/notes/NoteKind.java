package org.teletherapy.events.notes;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Psychotherapy notes are kept apart from progress notes and get stricter access, so consumers need the kind. */
public enum NoteKind {
    @JsonProperty("progress") PROGRESS,
    @JsonProperty("psychotherapy") PSYCHOTHERAPY
}
