package org.teletherapy.web.api;

/** The API could not be reached: the page says so where the missing part would be, and shows the rest. */
public final class ApiUnavailable extends RuntimeException {

    ApiUnavailable(Throwable cause) {
        super("the API could not be reached", cause, false, false);
    }
}
