package org.teletherapy.exercises.scoring;

import java.util.List;

/** Items hold values the instrument does not define (every PHQ-9 and GAD-7 item is scored 0 to 3). */
public final class ItemOutOfRangeException extends RuntimeException {

    private final List<String> items;

    ItemOutOfRangeException(List<String> items) {
        super("items out of range " + items);
        this.items = List.copyOf(items);
    }

    public List<String> items() {
        return items;
    }
}
