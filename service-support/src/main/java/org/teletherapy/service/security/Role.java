package org.teletherapy.service.security;

import java.util.Locale;
import java.util.Optional;

/** The realm roles of DESIGN.md §5. */
public enum Role {
    CLIENT, THERAPIST, OPERATOR;

    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> fromRealmRole(String name) {
        try {
            return Optional.of(valueOf(name.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
