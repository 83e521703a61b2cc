package org.teletherapy.exercises.scoring;

import org.teletherapy.events.exercises.Instrument;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Exact scoring of the standardized questionnaires, as published by their authors (Kroenke, Spitzer and Williams):
 * every item is scored 0–3, the total is the plain sum, and the total falls into the instrument's severity bands.
 * Pure functions, no state.
 */
public final class QuestionnaireScoring {

    /** Response options of every item: 'Not at all' 0, 'Several days' 1, 'More than half the days' 2, 'Nearly every day' 3. */
    public static final int ITEM_MIN = 0;
    public static final int ITEM_MAX = 3;

    private record Band(int upTo, String severity) {
    }

    private record Scale(int items, List<Band> bands) {
    }

    /** PHQ-9: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–19 moderately severe, 20–27 severe. */
    private static final Scale PHQ_9 = new Scale(9, List.of(new Band(4, "minimal"), new Band(9, "mild"),
            new Band(14, "moderate"), new Band(19, "moderately-severe"), new Band(27, "severe")));

    /** GAD-7: cut points 5, 10 and 15 for mild, moderate and severe anxiety. */
    private static final Scale GAD_7 = new Scale(7, List.of(new Band(4, "minimal"), new Band(9, "mild"),
            new Band(14, "moderate"), new Band(21, "severe")));

    /** PHQ-9 item 9 asks about thoughts of being better off dead or of self-harm. */
    public static final String PHQ_9_SELF_HARM_ITEM = "item9";

    private QuestionnaireScoring() {
    }

    /** The ids of the scored items, {@code item1} … {@code item9} (PHQ-9) or {@code item7} (GAD-7), in order. */
    public static List<String> itemIds(Instrument instrument) {
        return IntStream.rangeClosed(1, scale(instrument).items()).mapToObj(n -> "item" + n).toList();
    }

    /** The highest possible total: 27 for PHQ-9, 21 for GAD-7. */
    public static int maxTotal(Instrument instrument) {
        return scale(instrument).items() * ITEM_MAX;
    }

    /**
     * Scores a complete response. Items other than the scored ones (such as the closing 'how difficult' question)
     * are ignored.
     *
     * @throws IncompleteResponseException if any scored item is missing: the response is not scored at all
     * @throws ItemOutOfRangeException     if any scored item is outside 0–3
     */
    public static Score score(Instrument instrument, Map<String, Integer> items) {
        List<String> missing = new ArrayList<>();
        List<String> outOfRange = new ArrayList<>();
        int total = 0;
        for (String item : itemIds(instrument)) {
            Integer value = items.get(item);
            if (value == null) {
                missing.add(item);
            } else if (value < ITEM_MIN || value > ITEM_MAX) {
                outOfRange.add(item);
            } else {
                total += value;
            }
        }
        if (!missing.isEmpty()) {
            throw new IncompleteResponseException(missing);
        }
        if (!outOfRange.isEmpty()) {
            throw new ItemOutOfRangeException(outOfRange);
        }
        return new Score(instrument, total, severity(instrument, total), needsSafetyFollowUp(instrument, items));
    }

    /** The band of a total. */
    public static String severity(Instrument instrument, int total) {
        if (total < 0 || total > maxTotal(instrument)) {
            throw new IllegalArgumentException("total out of range for " + instrument);
        }
        return scale(instrument).bands().stream()
                .filter(band -> total <= band.upTo())
                .findFirst()
                .orElseThrow()
                .severity();
    }

    // PHQ-9 item 9 above 0 needs a clinician's follow-up whatever the total: a total of 3 can hide it.
    private static boolean needsSafetyFollowUp(Instrument instrument, Map<String, Integer> items) {
        return instrument == Instrument.PHQ_9 && items.get(PHQ_9_SELF_HARM_ITEM) > 0;
    }

    private static Scale scale(Instrument instrument) {
        return switch (instrument) {
            case PHQ_9 -> PHQ_9;
            case GAD_7 -> GAD_7;
        };
    }
}
