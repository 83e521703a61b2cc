package org.teletherapy.web.authoring;

import java.util.List;

/** What the authoring pages show. Public, so that the templates can read them. */
public final class AuthoringViews {

    private AuthoringViews() {
    }

    /**
     * The template being written, with the API's refusals beside the fields they concern.
     *
     * @param problem a refusal that names no field, or an API that cannot be reached
     */
    public record Editor(String title, String instructions, String titleError, String instructionsError,
                         String questionsError, List<QuestionRow> rows, String problem, List<String> summary) {
    }

    /** One question row of the editor; {@code number} counts from 1, {@code index} from 0 (the form's names). */
    public record QuestionRow(int index, int number, String type, String prompt, boolean required, String min,
                              String max, String minLabel, String maxLabel, String maxLength, String options,
                              String error, String promptError, String rangeError, String maxLengthError,
                              String optionsError) {

        public String field(String name) {
            return "q." + index + "." + name;
        }

        public String id(String name) {
            return "q-" + index + "-" + name;
        }
    }

    /** A template of the library, as the list and the assignment form show it. */
    public record LibraryEntry(String id, String title, int questions, String group, boolean checked) {
    }

    /** A session homework can belong to. */
    public record SessionOption(String id, String when, boolean selected) {
    }
}
