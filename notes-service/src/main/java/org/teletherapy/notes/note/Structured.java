package org.teletherapy.notes.note;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

/**
 * The structured sections of a progress note, besides its free text: SOAP (subjective, objective, assessment, plan)
 * or DAP (data, assessment, plan). Sections may be left out; sections of the other format are refused.
 */
record Structured(@NotNull @Pattern(regexp = "soap|dap", message = "must be soap or dap") String format,
                  String subjective, String objective, String assessment, String plan, String data) {

    boolean fitsFormat() {
        return switch (format) {
            case "soap" -> data == null;
            case "dap" -> subjective == null && objective == null;
            default -> false;
        };
    }

    int utf8Bytes() {
        return Stream.of(subjective, objective, assessment, plan, data).mapToInt(Structured::utf8Bytes).sum();
    }

    static int utf8Bytes(String text) {
        return text == null ? 0 : text.getBytes(StandardCharsets.UTF_8).length;
    }

    @Override
    public String toString() {
        return "Structured[" + format + ", " + utf8Bytes() + " bytes]";
    }
}
