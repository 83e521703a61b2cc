package org.teletherapy.exercises.scoring;

import org.teletherapy.events.exercises.Instrument;

import java.util.Arrays;
import java.util.Optional;

/** The instruments' published names ({@code PHQ-9}, {@code GAD-7}), as the API and the database write them. */
public final class Instruments {

    private Instruments() {
    }

    public static String name(Instrument instrument) {
        return switch (instrument) {
            case PHQ_9 -> "PHQ-9";
            case GAD_7 -> "GAD-7";
        };
    }

    public static Optional<Instrument> byName(String name) {
        return Arrays.stream(Instrument.values()).filter(instrument -> name(instrument).equals(name)).findFirst();
    }
}
