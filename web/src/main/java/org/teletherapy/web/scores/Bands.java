package org.teletherapy.web.scores;

import java.util.List;

/**
 * The published severity bands of each instrument, for the shaded background of a chart only. Every point's band is
 * the one the API gave it; the API does not publish the bands' bounds, so the chart's background needs them here.
 */
enum Bands {

    /** PHQ-9: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–19 moderately severe, 20–27 severe. */
    PHQ_9("PHQ-9", 27, List.of(new Band("minimal", 0, 4), new Band("mild", 5, 9), new Band("moderate", 10, 14),
            new Band("moderately-severe", 15, 19), new Band("severe", 20, 27))),
    /** GAD-7: 0–4 minimal, 5–9 mild, 10–14 moderate, 15–21 severe. */
    GAD_7("GAD-7", 21, List.of(new Band("minimal", 0, 4), new Band("mild", 5, 9), new Band("moderate", 10, 14),
            new Band("severe", 15, 21)));

    record Band(String severity, int from, int to) {
    }

    private final String instrument;
    private final int max;
    private final List<Band> bands;

    Bands(String instrument, int max, List<Band> bands) {
        this.instrument = instrument;
        this.max = max;
        this.bands = bands;
    }

    String instrument() {
        return instrument;
    }

    int max() {
        return max;
    }

    List<Band> bands() {
        return bands;
    }
}
