package org.teletherapy.web.console;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.server.ResponseStatusException;

/** The console is for operators; to anyone else its pages do not exist (the API refuses them its data anyway). */
final class OperatorOnly {

    private OperatorOnly() {
    }

    static void check(OidcUser user) {
        boolean operator = user.getAuthorities().stream()
                .anyMatch(authority -> "ROLE_OPERATOR".equals(authority.getAuthority()));
        if (!operator) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }
}
