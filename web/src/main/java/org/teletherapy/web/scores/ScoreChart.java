package org.teletherapy.web.scores;

import org.teletherapy.web.home.Section;
import org.teletherapy.web.page.Viewer;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

/**
 * One instrument's history as a chart drawn on the server (inline SVG, no script): the bands as shaded, labelled
 * background, one point per result in order, joined by a line; and the same figures as table rows. Coordinates are
 * in the SVG's own units; the page scales it to its width. Drawn for a client's own scores and for a therapist's
 * client alike ({@link ScoreCharts}); the template fragment {@code scores/chart :: chart(chart)} shows it.
 */
public record ScoreChart(String key, String instrument, boolean unavailable, List<Row> rows, String title, String description,
                  List<BandArea> bands, List<Tick> yTicks, List<Tick> xTicks, List<Point> points, String line) {

    static final int WIDTH = 400;
    static final int HEIGHT = 250;
    static final int LEFT = 34;
    /** Points stay left of here; the bands go on to the right edge, where their names are. */
    static final int RIGHT = 268;
    static final int BAND_RIGHT = WIDTH - 2;
    static final int TOP = 8;
    static final int BOTTOM = 214;
    /** Points keep this distance from the plot's sides, so the first and last are not cut in half. */
    static final int INSET = 18;
    static final int MOST_DATE_LABELS = 5;

    /** @param band the band's words, for the table; the API's band of this result */
    record Row(String date, int score, Integer maxScore, String band) {
    }

    record BandArea(String y, String height, String labelY, String label, String cssClass) {
    }

    record Tick(String at, String label) {
    }

    record Point(String x, String y, String label) {
    }

    public boolean empty() {
        return rows.isEmpty();
    }

    public int width() {
        return WIDTH;
    }

    public int height() {
        return HEIGHT;
    }

    public int left() {
        return LEFT;
    }

    public int right() {
        return RIGHT;
    }

    public int top() {
        return TOP;
    }

    public int bandRight() {
        return BAND_RIGHT;
    }

    public int bottom() {
        return BOTTOM;
    }

    /**
     * @param words    a message by key and arguments, in the viewer's language
     * @param emptyKey what to say without results, with the instrument's name as argument
     */
    static ScoreChart of(Bands instrument, Section<Measure> history, Viewer viewer,
                         BiFunction<String, Object[], String> words, String emptyKey) {
        String key = instrument.instrument().toLowerCase(Locale.ROOT);
        List<Measure> measures = history.items();
        DateTimeFormatter longDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(viewer.locale());
        DateTimeFormatter shortDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(viewer.locale());
        int max = measures.stream().map(Measure::maxScore).filter(value -> value != null).findFirst()
                .orElse(instrument.max());

        List<Row> rows = measures.stream().map(measure -> new Row(longDate.format(viewer.local(measure.measuredAt())),
                measure.totalScore(), measure.maxScore() == null ? max : measure.maxScore(),
                band(measure.severity(), words))).toList();

        List<BandArea> bands = new ArrayList<>();
        List<Tick> yTicks = new ArrayList<>();
        for (Bands.Band band : instrument.bands()) {
            // A band covers its scores whole: moderate (10–14) reaches from 9.5 to 14.5.
            double top = y(Math.min(band.to() + 0.5, max), max);
            double bottom = y(Math.max(band.from() - 0.5, 0), max);
            bands.add(new BandArea(number(top), number(bottom - top), number((top + bottom) / 2 + 4), band(band.severity(), words),
                    "band band-" + band.severity()));
            yTicks.add(new Tick(number(y(band.from(), max)), String.valueOf(band.from())));
        }
        yTicks.add(new Tick(number(y(max, max)), String.valueOf(max)));

        List<Point> points = new ArrayList<>();
        List<Tick> xTicks = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        Set<Integer> labelled = labelled(measures.size());
        for (int index = 0; index < measures.size(); index++) {
            Measure measure = measures.get(index);
            double x = x(index, measures.size());
            double y = y(measure.totalScore(), max);
            points.add(new Point(number(x), number(y), rows.get(index).date() + ": " + measure.totalScore()));
            line.append(line.isEmpty() ? "" : " ").append(number(x)).append(',').append(number(y));
            if (labelled.contains(index)) {
                xTicks.add(new Tick(number(x), shortDate.format(viewer.local(measure.measuredAt()))));
            }
        }

        String title = words.apply("scores.chart.title", new Object[] {instrument.instrument()});
        String description = measures.isEmpty() ? words.apply(emptyKey, new Object[] {instrument.instrument()})
                : words.apply("scores.chart.description", new Object[] {measures.size(), rows.get(0).date(),
                rows.get(rows.size() - 1).date(), measures.get(measures.size() - 1).totalScore(), max,
                rows.get(rows.size() - 1).band(), bandList(instrument, words)});
        return new ScoreChart(key, instrument.instrument(), history.unavailable(), rows, title, description, bands,
                yTicks, xTicks, points, line.toString());
    }

    /** Which points get a date under the axis: all of a few, else the first, the last and some evenly between. */
    private static Set<Integer> labelled(int count) {
        Set<Integer> labelled = new TreeSet<>();
        int labels = Math.min(count, MOST_DATE_LABELS);
        for (int label = 0; label < labels; label++) {
            labelled.add(labels == 1 ? 0 : (int) Math.round(label * (count - 1) / (double) (labels - 1)));
        }
        return labelled;
    }

    private static String bandList(Bands instrument, BiFunction<String, Object[], String> words) {
        return String.join(", ", instrument.bands().stream()
                .map(band -> band(band.severity(), words) + " " + band.from() + "–" + band.to()).toList());
    }

    private static String band(String severity, BiFunction<String, Object[], String> words) {
        String label = words.apply("scores.band." + severity, null);
        return label == null ? severity : label;
    }

    private static double y(double score, int max) {
        return BOTTOM - score / max * (BOTTOM - TOP);
    }

    private static double x(int index, int count) {
        if (count == 1) {
            return (LEFT + RIGHT) / 2.0;
        }
        return LEFT + INSET + index * (RIGHT - LEFT - 2.0 * INSET) / (count - 1);
    }

    // SVG wants a dot, whatever the page's language.
    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
