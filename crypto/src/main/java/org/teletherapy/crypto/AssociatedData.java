package org.teletherapy.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Associated data for AEAD: the context a ciphertext belongs to (a purpose, a row id, a version...). Decryption
 * succeeds only with the very same context, so a ciphertext copied to another row or replayed into an older version
 * fails. Each part is length-prefixed, so {@code ("ab", "c")} and {@code ("a", "bc")} never collide.
 */
public final class AssociatedData {

    private AssociatedData() {
    }

    /**
     * @param purpose what the ciphertext is, e.g. {@code "note-content/v1"}: the same bytes under another purpose fail
     * @param parts   the context, e.g. row id, version, author; {@code toString()} of each, {@code null} allowed
     */
    public static byte[] of(String purpose, Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + parts.length * 40);
        write(out, Objects.requireNonNull(purpose, "purpose"));
        for (Object part : parts) {
            write(out, part == null ? null : part.toString());
        }
        return out.toByteArray();
    }

    private static void write(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }
}
