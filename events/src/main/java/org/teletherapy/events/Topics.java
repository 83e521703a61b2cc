package org.teletherapy.events;

/** One topic per producing service (DESIGN.md §7); the record key is the client's id so their events stay in order. */
public final class Topics {

    public static final String SESSIONS = "teletherapy.sessions.v1";
    public static final String NOTES = "teletherapy.notes.v1";
    public static final String EXERCISES = "teletherapy.exercises.v1";

    /**
     * The erasure saga's replies: notes, exercises and notifications each confirm their part here, and only
     * sessions-service, which runs the saga, reads it. The one topic with several producers, because an event type
     * has one topic and the saga's owner should not read every other event of three services to find its replies.
     */
    public static final String ERASURE = "teletherapy.erasure.v1";

    /** Where records that can never be applied go, with the reason in their headers. */
    public static String deadLetter(String topic) {
        return topic + ".dlt";
    }

    private Topics() {
    }
}
