package org.teletherapy.exercises.scoring;

import java.util.List;

/** A questionnaire response lacks items. Standardized instruments are scored complete or not at all: never prorated. */
public final class IncompleteResponseException extends RuntimeException {

    private final List<String> missingItems;

    IncompleteResponseException(List<String> missingItems) {
        super("missing items " + missingItems);
        this.missingItems = List.copyOf(missingItems);
    }

    public List<String> missingItems() {
        return missingItems;
    }
}
