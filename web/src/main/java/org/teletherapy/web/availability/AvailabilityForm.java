package org.teletherapy.web.availability;

import org.springframework.util.MultiValueMap;
import org.teletherapy.web.api.ApiProblem;

import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The availability form as the therapist sees it: what is saved, or what they typed when the API refused it, with the
 * API's messages next to the fields they concern. Each day has its windows and one empty row to add another; clearing
 * a row removes it. Whether the values make sense is the API's decision alone: this only carries them there and back.
 *
 * @param errors the message for each field that has one, by the field's name (and id)
 * @param summary the same messages in the order of the form, for the summary at the top
 */
public record AvailabilityForm(String timeZone, String sessionMinutes, String bufferMinutes, List<DayRows> days,
                               List<OffRow> timeOff, Map<String, String> errors, List<Message> summary) {

    static final String ZONE = "timeZone";
    static final String SESSION = "sessionMinutes";
    static final String BUFFER = "bufferMinutes";
    /** Rows read back per day and of time off; more than a week's day ever needs. */
    private static final int MOST_ROWS = 12;
    private static final Pattern ENTRY = Pattern.compile("(weekly|timeOff)\\[(\\d+)]\\.?(\\w*)");

    public record DayRows(String day, String label, List<Row> windows) {
    }

    /** One window (start, end) or one range of days off (from, to); {@code name} prefixes its fields' names. */
    public record Row(String name, String first, String second) {
    }

    public record OffRow(String name, String from, String to) {
    }

    /** @param field the field's id, to link to it; null for a message about the whole form */
    public record Message(String field, String label, String text) {
    }

    public String error(String field) {
        return errors.get(field);
    }

    public boolean invalid(String field) {
        return errors.containsKey(field);
    }

    static AvailabilityForm of(AvailabilityBody saved, Locale locale) {
        List<DayRows> days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<String[]> windows = saved.weekly() == null ? List.of() : saved.weekly().stream()
                    .filter(window -> day.name().equals(window.day()))
                    .map(window -> new String[] {minutes(window.start()), minutes(window.end())}).toList();
            days.add(day(day, windows, locale));
        }
        List<String[]> off = saved.timeOff() == null ? List.of() : saved.timeOff().stream()
                .map(range -> new String[] {range.from().toString(), range.to().toString()}).toList();
        return new AvailabilityForm(saved.timeZone(), text(saved.sessionMinutes()), text(saved.bufferMinutes()), days,
                offRows(off), Map.of(), List.of());
    }

    /** A therapist who has set nothing yet starts from the usual 50 minutes with 10 between, in their browser's zone. */
    static AvailabilityForm empty(String zone, Locale locale) {
        return of(new AvailabilityBody(zone, 50, 10, List.of(), List.of()), locale);
    }

    /** What was typed, rows left empty dropped. */
    static AvailabilityForm typed(MultiValueMap<String, String> form, Locale locale) {
        List<DayRows> days = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            List<String[]> windows = new ArrayList<>();
            for (int row = 0; row < MOST_ROWS; row++) {
                String start = value(form, windowName(day, row) + "-start");
                String end = value(form, windowName(day, row) + "-end");
                if (!start.isEmpty() || !end.isEmpty()) {
                    windows.add(new String[] {start, end});
                }
            }
            days.add(day(day, windows, locale));
        }
        List<String[]> off = new ArrayList<>();
        for (int row = 0; row < MOST_ROWS; row++) {
            String from = value(form, offName(row) + "-from");
            String to = value(form, offName(row) + "-to");
            if (!from.isEmpty() || !to.isEmpty()) {
                off.add(new String[] {from, to});
            }
        }
        return new AvailabilityForm(value(form, ZONE), value(form, SESSION), value(form, BUFFER), days, offRows(off),
                Map.of(), List.of());
    }

    /**
     * The body of {@code PUT /api/v1/availability}, values as typed: a number that is not one, or an empty field, goes
     * as it is, and the API says what is wrong with it.
     */
    Map<String, Object> body() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(ZONE, timeZone.isEmpty() ? null : timeZone);
        body.put(SESSION, number(sessionMinutes));
        body.put(BUFFER, number(bufferMinutes));
        List<Map<String, Object>> weekly = new ArrayList<>();
        for (DayRows day : days) {
            for (Row window : filled(day.windows())) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("day", day.day());
                entry.put("start", window.first().isEmpty() ? null : window.first());
                entry.put("end", window.second().isEmpty() ? null : window.second());
                weekly.add(entry);
            }
        }
        body.put("weekly", weekly);
        List<Map<String, Object>> off = new ArrayList<>();
        for (OffRow range : filledOff()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("from", range.from().isEmpty() ? null : range.from());
            entry.put("to", range.to().isEmpty() ? null : range.to());
            off.add(entry);
        }
        body.put("timeOff", off);
        return body;
    }

    /**
     * The same form with the API's refusal next to the fields it names ({@code weekly[3].end} is the fourth window
     * sent). {@code words} gives a message by key, or null where there is none.
     */
    AvailabilityForm refused(ApiProblem problem, BiFunction<String, Object[], String> words) {
        List<String> windowNames = new ArrayList<>();
        for (DayRows day : days) {
            filled(day.windows()).forEach(window -> windowNames.add(window.name()));
        }
        List<String> offNames = filledOff().stream().map(OffRow::name).toList();
        Map<String, String> errors = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (ApiProblem.FieldError error : problem.errors()) {
            String field = field(error.field(), windowNames, offNames);
            String text = message(error, words);
            if (field == null) {
                general.add(text);
            } else {
                errors.merge(field, text, (first, second) -> first);
            }
        }
        if (problem.errors().isEmpty()) {
            String known = words.apply("availability.error." + problem.kind(), null);
            general.add(known != null ? known : problem.detail() != null ? problem.detail()
                    : words.apply("availability.notSaved", null));
        }
        List<Message> summary = new ArrayList<>();
        general.forEach(text -> summary.add(new Message(null, null, text)));
        for (String name : fieldOrder()) {
            if (errors.containsKey(name)) {
                summary.add(new Message(name, label(name, words), errors.get(name)));
            }
        }
        return new AvailabilityForm(timeZone, sessionMinutes, bufferMinutes, days, timeOff, errors, summary);
    }

    /** The form's fields from top to bottom, so the summary reads in the order the form does. */
    private List<String> fieldOrder() {
        List<String> order = new ArrayList<>(List.of(ZONE, SESSION, BUFFER));
        for (DayRows day : days) {
            for (Row window : day.windows()) {
                order.add(window.name() + "-start");
                order.add(window.name() + "-end");
            }
        }
        for (OffRow range : timeOff) {
            order.add(range.name() + "-from");
            order.add(range.name() + "-to");
        }
        return order;
    }

    /** What the summary calls a field: "Session length", "Monday, window 1, until". */
    private String label(String field, BiFunction<String, Object[], String> words) {
        if (field.equals(ZONE) || field.equals(SESSION) || field.equals(BUFFER)) {
            return words.apply("availability." + field, null);
        }
        for (DayRows day : days) {
            for (int row = 0; row < day.windows().size(); row++) {
                String name = day.windows().get(row).name();
                if (field.startsWith(name + "-")) {
                    return words.apply("availability.window.label", new Object[] {day.label(), row + 1,
                            words.apply("availability.window." + field.substring(name.length() + 1), null)});
                }
            }
        }
        for (int row = 0; row < timeOff.size(); row++) {
            String name = timeOff.get(row).name();
            if (field.startsWith(name + "-")) {
                return words.apply("availability.off.label", new Object[] {row + 1,
                        words.apply("availability.off." + field.substring(name.length() + 1), null)});
            }
        }
        return field;
    }

    private static String field(String apiField, List<String> windowNames, List<String> offNames) {
        if (apiField.equals(ZONE) || apiField.equals(SESSION) || apiField.equals(BUFFER)) {
            return apiField;
        }
        Matcher entry = ENTRY.matcher(apiField);
        if (!entry.matches()) {
            return null;
        }
        int index = Integer.parseInt(entry.group(2));
        String part = entry.group(3);
        if (entry.group(1).equals("weekly")) {
            return index < windowNames.size() ? windowNames.get(index) + ("end".equals(part) ? "-end" : "-start") : null;
        }
        return index < offNames.size() ? offNames.get(index) + ("to".equals(part) ? "-to" : "-from") : null;
    }

    /** The API's own words, or ours for what it names by a code (a rule between fields) or says of an empty field. */
    private static String message(ApiProblem.FieldError error, BiFunction<String, Object[], String> words) {
        String known = error.code().isEmpty() ? null : words.apply("availability.error." + error.code(), null);
        if (known != null) {
            return known;
        }
        if (error.message().equals("must not be null") || error.message().equals("must not be blank")) {
            return words.apply("availability.error.required", null);
        }
        return error.message().isEmpty() ? words.apply("availability.notSaved", null) : error.message();
    }

    private static List<Row> filled(List<Row> rows) {
        return rows.stream().filter(row -> !row.first().isEmpty() || !row.second().isEmpty()).toList();
    }

    private List<OffRow> filledOff() {
        return timeOff.stream().filter(row -> !row.from().isEmpty() || !row.to().isEmpty()).toList();
    }

    private static DayRows day(DayOfWeek day, List<String[]> windows, Locale locale) {
        List<Row> rows = new ArrayList<>();
        for (String[] window : windows) {
            rows.add(new Row(windowName(day, rows.size()), window[0], window[1]));
        }
        rows.add(new Row(windowName(day, rows.size()), "", ""));
        return new DayRows(day.name(), day.getDisplayName(TextStyle.FULL, locale), rows);
    }

    private static List<OffRow> offRows(List<String[]> ranges) {
        List<OffRow> rows = new ArrayList<>();
        for (String[] range : ranges) {
            rows.add(new OffRow(offName(rows.size()), range[0], range[1]));
        }
        rows.add(new OffRow(offName(rows.size()), "", ""));
        return rows;
    }

    private static String windowName(DayOfWeek day, int row) {
        return "w-" + day.name().toLowerCase(Locale.ROOT) + "-" + row;
    }

    private static String offName(int row) {
        return "off-" + row;
    }

    private static Object number(String typed) {
        if (typed.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(typed);
        } catch (NumberFormatException e) {
            return typed;
        }
    }

    /** "09:00:00" as the API writes a time is "09:00" for a time field, which would otherwise ask for seconds too. */
    private static String minutes(String time) {
        return time != null && time.length() == 8 && time.endsWith(":00") ? time.substring(0, 5) : time;
    }

    private static String text(Integer value) {
        return value == null ? "" : value.toString();
    }

    private static String value(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.strip();
    }
}
