package org.teletherapy.exercises.template;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** Homework to reflect on, or a standardized questionnaire that is scored. */
public enum TemplateKind {
    EXERCISE("exercise"),
    QUESTIONNAIRE("questionnaire");

    private final String wire;

    TemplateKind(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static TemplateKind fromWire(String value) {
        return Arrays.stream(values()).filter(kind -> kind.wire.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown template kind"));
    }
}
