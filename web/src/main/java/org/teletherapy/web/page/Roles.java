package org.teletherapy.web.page;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.server.ResponseStatusException;

import java.util.UUID;

/**
 * Which of the platform's roles the signed-in person has, as sign-in found them in their token. Pages for one role
 * refuse the others with the 403 page before asking the API anything; the API checks every call itself as well.
 */
public final class Roles {

    private Roles() {
    }

    public static boolean isTherapist(Authentication authentication) {
        return has(authentication, "ROLE_THERAPIST");
    }

    /**
     * The signed-in therapist's id (their token's subject). A therapist's page asked for by someone else answers the
     * friendly 403 page (ErrorPages), not a half-empty page.
     */
    public static UUID requireTherapist(Authentication authentication) {
        if (authentication == null || !isTherapist(authentication)
                || !(authentication.getPrincipal() instanceof OidcUser user)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return UUID.fromString(user.getSubject());
    }

    /** The signed-in client's id; a client's own page asked for by anyone else answers the friendly 403 page. */
    public static UUID requireClient(Authentication authentication) {
        if (authentication == null || !has(authentication, "ROLE_CLIENT")
                || !(authentication.getPrincipal() instanceof OidcUser user)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return UUID.fromString(user.getSubject());
    }

    public static boolean isOperator(Authentication authentication) {
        return has(authentication, "ROLE_OPERATOR");
    }

    /** Operators only; anyone else gets the friendly 403 page. */
    public static void requireOperator(Authentication authentication) {
        if (authentication == null || !isOperator(authentication)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
    }

    static boolean has(Authentication authentication, String authority) {
        return authentication.getAuthorities().stream().anyMatch(granted -> authority.equals(granted.getAuthority()));
    }
}
