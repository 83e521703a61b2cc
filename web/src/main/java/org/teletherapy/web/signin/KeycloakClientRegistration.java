package org.teletherapy.web.signin;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.InMemoryReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.IdTokenClaimNames;
import org.teletherapy.web.WebProperties;

import java.util.Map;

/**
 * The realm's browser client, with Keycloak's endpoints written out rather than discovered: the web app then starts
 * (and answers its health probes) while Keycloak is still starting, and signs people in as soon as it is up.
 */
@Configuration(proxyBeanMethods = false)
class KeycloakClientRegistration {

    static final String REGISTRATION_ID = "keycloak";

    @Bean
    ReactiveClientRegistrationRepository clientRegistrations(WebProperties properties) {
        String realm = properties.issuerUri().replaceAll("/+$", "");
        String endpoints = realm + "/protocol/openid-connect";
        // Where this server calls Keycloak itself; the browser is sent to the issuer's address.
        String backChannel = properties.realmFromServer().replaceAll("/+$", "") + "/protocol/openid-connect";
        ClientRegistration keycloak = ClientRegistration.withRegistrationId(REGISTRATION_ID)
                .clientId(properties.clientId())
                .clientSecret(properties.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid")
                .issuerUri(realm)
                .authorizationUri(endpoints + "/auth")
                .tokenUri(backChannel + "/token")
                .jwkSetUri(backChannel + "/certs")
                .userInfoUri(backChannel + "/userinfo")
                .userNameAttributeName(IdTokenClaimNames.SUB)
                // RP-initiated logout ends the Keycloak session too, not only ours.
                .providerConfigurationMetadata(Map.of("end_session_endpoint", endpoints + "/logout"))
                .clientName("Keycloak")
                .build();
        return new InMemoryReactiveClientRegistrationRepository(keycloak);
    }
}
