package org.teletherapy.service.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

import java.util.List;

/** Turns Keycloak's {@code realm_access.roles} into {@code ROLE_CLIENT}, {@code ROLE_THERAPIST}, {@code ROLE_OPERATOR}. */
public final class KeycloakRolesConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        List<SimpleGrantedAuthority> authorities = Caller.realmRoles(jwt).stream()
                .map(role -> new SimpleGrantedAuthority(role.authority()))
                .toList();
        return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
    }
}
