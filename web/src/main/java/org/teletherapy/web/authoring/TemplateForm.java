package org.teletherapy.web.authoring;

import org.springframework.util.MultiValueMap;
import org.teletherapy.web.homework.HomeworkViews;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A template as the authoring form holds it: a title, instructions, and rows of questions, each field as typed. It
 * becomes the API's template draft when saved, and the client's form when previewed. Whether it is usable is the
 * API's to say (its problems name the question and field); numbers that are not numbers are left out, so the API
 * names what is missing.
 */
record TemplateForm(String title, String instructions, List<Row> rows) {

    static final List<String> TYPES = List.of("text", "scale", "single-choice", "yes-no");
    static final int MOST_ROWS = 50;

    /** One question; {@code options} one per line, for single choices. */
    record Row(String type, String prompt, boolean required, String min, String max, String minLabel, String maxLabel,
               String maxLength, String options) {

        static Row blank(String type) {
            return new Row(type, "", true, "scale".equals(type) ? "1" : "", "scale".equals(type) ? "10" : "", "", "",
                    "", "");
        }

        List<String> optionLabels() {
            return options == null ? List.of() : options.lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
        }
    }

    static TemplateForm blank() {
        return new TemplateForm("", "", List.of(Row.blank("text")));
    }

    /** The form as posted; {@code action} {@code add} adds a question, {@code remove-N} removes the N-th. */
    static TemplateForm from(MultiValueMap<String, String> form) {
        int count = Math.min(MOST_ROWS, number(form.getFirst("rows"), 1));
        List<Row> rows = new ArrayList<>();
        for (int index = 0; index < count; index++) {
            String at = "q." + index + ".";
            String type = form.getFirst(at + "type");
            rows.add(new Row(TYPES.contains(type) ? type : "text", text(form, at + "prompt"),
                    form.containsKey(at + "required"), text(form, at + "min"), text(form, at + "max"),
                    text(form, at + "minLabel"), text(form, at + "maxLabel"), text(form, at + "maxLength"),
                    text(form, at + "options")));
        }
        String action = String.valueOf(form.getFirst("action"));
        if (action.equals("add") && rows.size() < MOST_ROWS) {
            String type = form.getFirst("newType");
            rows.add(Row.blank(TYPES.contains(type) ? type : "text"));
        } else if (action.startsWith("remove-") && rows.size() > 1) {
            int index = number(action.substring("remove-".length()), -1);
            if (index >= 0 && index < rows.size()) {
                rows.remove(index);
            }
        }
        return new TemplateForm(text(form, "title"), text(form, "instructions"), List.copyOf(rows));
    }

    /** What {@code POST /api/v1/exercise-templates} takes: each question with the fields of its type only. */
    Map<String, Object> toApi() {
        List<Map<String, Object>> questions = new ArrayList<>();
        for (Row row : rows) {
            Map<String, Object> question = new LinkedHashMap<>();
            question.put("type", row.type());
            question.put("prompt", row.prompt());
            question.put("required", row.required());
            switch (row.type()) {
                case "scale" -> {
                    putNumber(question, "min", row.min());
                    putNumber(question, "max", row.max());
                    putText(question, "minLabel", row.minLabel());
                    putText(question, "maxLabel", row.maxLabel());
                }
                case "text" -> putNumber(question, "maxLength", row.maxLength());
                case "single-choice" -> question.put("options", options(row).stream().map(option -> {
                    Map<String, Object> written = new LinkedHashMap<>();
                    written.put("value", option.value());
                    written.put("label", option.label());
                    return written;
                }).toList());
                default -> {
                    // yes-no: nothing to configure
                }
            }
            questions.add(question);
        }
        Map<String, Object> draft = new LinkedHashMap<>();
        draft.put("title", title);
        draft.put("instructions", instructions);
        draft.put("questions", questions);
        return draft;
    }

    /** The template as the client's form would show it, its questions numbered as the API will name them. */
    HomeworkViews.Template preview() {
        List<HomeworkViews.Question> questions = new ArrayList<>();
        for (int index = 0; index < rows.size(); index++) {
            Row row = rows.get(index);
            boolean scale = "scale".equals(row.type());
            questions.add(new HomeworkViews.Question("q" + (index + 1), row.type(), row.prompt(), row.required(),
                    scale ? parse(row.min()) : null, scale ? parse(row.max()) : null,
                    scale ? blankToNull(row.minLabel()) : null, scale ? blankToNull(row.maxLabel()) : null,
                    "text".equals(row.type()) ? parse(row.maxLength()) : null,
                    "single-choice".equals(row.type()) ? options(row) : null));
        }
        return new HomeworkViews.Template(null, "exercise", null, title, instructions, questions, null);
    }

    // Each option's value is its place (1, 2, …): the API takes short texts or whole numbers, and numbers never clash.
    private static List<HomeworkViews.Option> options(Row row) {
        List<String> labels = row.optionLabels();
        List<HomeworkViews.Option> options = new ArrayList<>();
        for (int index = 0; index < labels.size(); index++) {
            options.add(new HomeworkViews.Option(index + 1, labels.get(index)));
        }
        return options;
    }

    private static void putNumber(Map<String, Object> question, String name, String value) {
        Integer number = parse(value);
        if (number != null) {
            question.put(name, number);
        }
    }

    private static void putText(Map<String, Object> question, String name, String value) {
        if (value != null && !value.isBlank()) {
            question.put(name, value.strip());
        }
    }

    private static Integer parse(String value) {
        try {
            return value == null || value.isBlank() ? null : Integer.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static int number(String value, int fallback) {
        Integer parsed = parse(value);
        return parsed == null ? fallback : parsed;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String text(MultiValueMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null ? "" : value.replace("\r\n", "\n");
    }
}
