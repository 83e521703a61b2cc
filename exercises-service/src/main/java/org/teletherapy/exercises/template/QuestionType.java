package org.teletherapy.exercises.template;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;

/** What kind of answer a question takes. */
public enum QuestionType {
    /** Free text, a JSON string. */
    TEXT("text"),
    /** A whole number between the question's {@code min} and {@code max}. */
    SCALE("scale"),
    /** One of the question's {@code options}, given as the option's {@code value}. */
    SINGLE_CHOICE("single-choice"),
    /** {@code true} or {@code false}. */
    YES_NO("yes-no");

    private final String wire;

    QuestionType(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    static QuestionType fromWire(String value) {
        return Arrays.stream(values()).filter(type -> type.wire.equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown question type"));
    }
}
