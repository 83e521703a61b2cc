package org.teletherapy.notes.note;

/**
 * What a note says: the free text, and for progress notes optionally structured sections. This is what gets
 * encrypted; it never appears in logs ({@link #toString()} gives sizes only).
 *
 * @param structured null for free text
 */
record NoteText(String content, Structured structured) {

    String format() {
        return structured == null ? "free-text" : structured.format();
    }

    int utf8Bytes() {
        return Structured.utf8Bytes(content) + (structured == null ? 0 : structured.utf8Bytes());
    }

    @Override
    public String toString() {
        return "NoteText[" + utf8Bytes() + " bytes, " + format() + "]";
    }
}
