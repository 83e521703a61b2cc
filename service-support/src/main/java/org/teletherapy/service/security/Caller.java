package org.teletherapy.service.security;

import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Who is calling: the Keycloak user id ({@code sub}) and their platform roles. Never their name or e-mail. */
public record Caller(UUID id, Set<Role> roles) {

    public static Caller from(Jwt jwt) {
        return new Caller(UUID.fromString(jwt.getSubject()), realmRoles(jwt));
    }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    static Set<Role> realmRoles(Jwt jwt) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        Map<String, Object> realmAccess = jwt.getClaimAsMap("realm_access");
        if (realmAccess != null && realmAccess.get("roles") instanceof Collection<?> names) {
            names.forEach(name -> Role.fromRealmRole(String.valueOf(name)).ifPresent(roles::add));
        }
        return roles;
    }
}
