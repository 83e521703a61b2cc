package org.teletherapy.service;

import org.springframework.core.env.Environment;

/**
 * The application's name, {@code spring.application.name}, which every application sets in its own
 * {@code application.yml}. Required, never guessed, as eventing's consumer group and crypto's master key file read it:
 * a made-up name would put one application's documents, status or keys under another's.
 */
public final class ApplicationName {

    private ApplicationName() {
    }

    public static String of(Environment environment) {
        return environment.getRequiredProperty("spring.application.name");
    }
}
