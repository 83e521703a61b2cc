package org.teletherapy.sessions.erasure;

/** The wire codes of the events' enums ({@code RETENTION_PERIOD} is {@code retention-period}), as stored here. */
final class Codes {

    static String of(Enum<?> value) {
        return value.name().toLowerCase().replace('_', '-');
    }

    private Codes() {
    }
}
