package org.teletherapy.events;

/** One topic per producing service (DESIGN.md §7); the record key is the client's id so their events stay in order. */
public final class Topics {

    public static final String SESSIONS = "teletherapy.sessions.v1";
    public static final String NOTES = "teletherapy.notes.v1";
    public static final String EXERCISES = "teletherapy.exercises.v1";

    /** Where records that can never be applied go, with the reason in their headers. */
    public static String deadLetter(String topic) {
        return topic + ".dlt";
    }

    private Topics() {
    }
}
