package org.teletherapy.web.signin;

import com.nimbusds.jwt.JWTParser;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The signed-in person's realm roles, as {@code ROLE_CLIENT} etc., read from the access token Keycloak issued to us
 * (the ID token does not carry them). They choose which pages to offer; the API checks every call itself.
 */
@Component
class RealmRolesUserService implements ReactiveOAuth2UserService<OidcUserRequest, OidcUser> {

    private static final Set<String> PLATFORM_ROLES = Set.of("client", "therapist", "operator");

    private final OidcReactiveOAuth2UserService delegate = new OidcReactiveOAuth2UserService();

    @Override
    public Mono<OidcUser> loadUser(OidcUserRequest request) {
        return delegate.loadUser(request).map(user -> {
            List<GrantedAuthority> authorities = new ArrayList<>(user.getAuthorities());
            realmRoles(request.getAccessToken().getTokenValue()).stream()
                    .filter(PLATFORM_ROLES::contains)
                    .map(role -> new SimpleGrantedAuthority("ROLE_" + role.toUpperCase()))
                    .forEach(authorities::add);
            return new DefaultOidcUser(authorities, user.getIdToken(), user.getUserInfo());
        });
    }

    private static List<String> realmRoles(String accessToken) {
        try {
            Object realmAccess = JWTParser.parse(accessToken).getJWTClaimsSet().getClaim("realm_access");
            if (realmAccess instanceof Map<?, ?> access && access.get("roles") instanceof List<?> roles) {
                return roles.stream().map(String::valueOf).toList();
            }
            return List.of();
        } catch (ParseException e) {
            return List.of();
        }
    }
}
