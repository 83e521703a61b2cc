package org.teletherapy.sessions.erasure;

/**
 * sessions-service's own part of an erasure, in order. The account is disabled first, so the client cannot act while
 * the rest runs; it is removed last, after {@code client.erased} is in the outbox, so that nothing is lost if a step
 * fails in between: a disabled account can still be erased, a removed one can no longer be checked.
 */
enum Step {
    DISABLE_ACCOUNT("disable-account"),
    /** Future sessions cancelled, roster entries unlinked, calendar feed revoked, {@code client.erased} published. */
    ERASE_SESSIONS("erase-sessions"),
    REMOVE_ACCOUNT("remove-account"),
    DONE("done");

    private final String code;

    Step(String code) {
        this.code = code;
    }

    String code() {
        return code;
    }

    Step next() {
        return values()[Math.min(ordinal() + 1, DONE.ordinal())];
    }

    static Step ofCode(String code) {
        for (Step step : values()) {
            if (step.code.equals(code)) {
                return step;
            }
        }
        throw new IllegalArgumentException("unknown erasure step " + code);
    }
}
