package org.teletherapy.web.authoring;

import org.teletherapy.web.authoring.AuthoringViews.LibraryEntry;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * The homework library as exercises-service lists it: its built-in trust exercises and questionnaires (PHQ-9,
 * GAD-7), then the therapist's own templates.
 */
final class Library {

    private Library() {
    }

    record Entry(UUID id, String key, boolean builtIn, String kind, String instrument, String title,
                 List<Object> questions) {
    }

    /** Exercises, then questionnaires, then the therapist's own; {@code chosen} is checked. */
    static List<LibraryEntry> entries(List<Entry> library, String chosen) {
        return library.stream()
                .map(entry -> new LibraryEntry(entry.id().toString(), entry.title(),
                        entry.questions() == null ? 0 : entry.questions().size(), group(entry),
                        entry.id().toString().equals(chosen)))
                .sorted(Comparator.comparing(entry -> List.of("exercise", "questionnaire", "mine").indexOf(entry.group())))
                .toList();
    }

    private static String group(Entry entry) {
        if (!entry.builtIn()) {
            return "mine";
        }
        return "questionnaire".equals(entry.kind()) ? "questionnaire" : "exercise";
    }
}
