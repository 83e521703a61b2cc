package org.teletherapy.web.notes;

/**
 * What the notes pages show, worded and in the viewer's time zone. Public, so that the templates can read them.
 */
public final class NoteViews {

    private NoteViews() {
    }

    /** One line of "my notes". {@code client} and {@code when} are null where not known. */
    public record NoteLine(String href, boolean psychotherapy, boolean draft, boolean erased, String client, String when,
                           String updated) {
    }

    /** A session a new note can be about. */
    public record SessionChoice(String href, String when, String status) {
    }

    /** Which session a note is about; {@code client}/{@code when} null where not known. */
    public record About(String client, String when) {
    }

    /**
     * The note being written: a new one ({@code id} null) or a draft.
     *
     * @param action       where the form posts without script
     * @param saveUrl      where the page saves the draft with script (autosave and the buttons)
     * @param contentError the API's refusal of the text, shown beside it
     * @param problem      a refusal that concerns the note as a whole
     */
    public record Draft(String id, String sessionId, String kind, boolean psychotherapy, int version, String content,
                        String action, String saveUrl, String contentError, String problem) {
    }

    public record AddendumView(String when, String content) {
    }

    /** One access of the note: who (you, or a role), what, when and how it ended. */
    public record LogLine(String when, String who, String what, String outcome, boolean failed, String requestId) {
    }
}
