package org.teletherapy.web.homework;

import org.springframework.util.MultiValueMap;
import org.teletherapy.web.homework.HomeworkViews.Option;
import org.teletherapy.web.homework.HomeworkViews.Question;
import org.teletherapy.web.homework.HomeworkViews.Template;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers between the form and the API. A form sends every value as text; the API takes each as its question's type
 * says (a scale's whole number, an option's own value, yes/no as true/false). Whether an answer fits is the API's
 * to say: a value that does not convert is sent as it came, and the API names the question it does not fit.
 */
final class Answers {

    static final String FIELD_PREFIX = "a.";

    private Answers() {
    }

    /** The answers of a posted form, unanswered questions left out. */
    static Map<String, Object> fromForm(Template template, MultiValueMap<String, String> form) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (Question question : template.questions()) {
            String raw = form.getFirst(FIELD_PREFIX + question.id());
            if (raw == null || raw.isBlank()) {
                continue;
            }
            answers.put(question.id(), switch (question.type()) {
                // Browsers send a textarea's line breaks as CR LF; the text the person typed has one character each.
                case "text" -> raw.replace("\r\n", "\n");
                case "scale" -> wholeNumber(raw);
                case "single-choice" -> question.choices().stream().filter(option -> formValue(option.value()).equals(raw))
                        .findFirst().map(Option::value).orElse(raw);
                case "yes-no" -> "true".equals(raw) ? Boolean.TRUE : "false".equals(raw) ? Boolean.FALSE : raw;
                default -> raw;
            });
        }
        return answers;
    }

    /** How an answer or an option's value is written in a form field. */
    static String formValue(Object value) {
        return value == null ? "" : String.valueOf(value);
    }

    private static Object wholeNumber(String raw) {
        try {
            return Integer.valueOf(raw.trim());
        } catch (NumberFormatException notANumber) {
            return raw;
        }
    }
}
