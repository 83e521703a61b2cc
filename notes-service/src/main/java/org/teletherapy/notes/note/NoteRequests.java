package org.teletherapy.notes.note;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.util.UUID;

/** What therapists send. Each record prints sizes, never text, should a framework log it. */
final class NoteRequests {

    private NoteRequests() {
    }

    /**
     * @param structured optional SOAP or DAP sections, progress notes only; {@code content} is always required
     */
    record NewNote(@NotNull UUID sessionId,
                   @NotNull @Pattern(regexp = "progress|psychotherapy", message = "must be progress or psychotherapy") String kind,
                   @NotBlank String content,
                   @Valid Structured structured) {

        NoteText text() {
            return new NoteText(content, structured);
        }

        @Override
        public String toString() {
            return "NewNote[sessionId=" + sessionId + ", kind=" + kind + ", " + text() + "]";
        }
    }

    /**
     * @param version the version the change is based on; when given, a note changed meanwhile answers 409
     * @param kind    optional; a note keeps its kind, so a different one is refused
     */
    record NoteChange(@NotBlank String content, @Valid Structured structured, @Min(1) Integer version, String kind) {

        NoteText text() {
            return new NoteText(content, structured);
        }

        @Override
        public String toString() {
            return "NoteChange[version=" + version + ", " + text() + "]";
        }
    }

    record NewAddendum(@NotBlank String content) {

        @Override
        public String toString() {
            return "NewAddendum[" + Structured.utf8Bytes(content) + " bytes]";
        }
    }
}
