package org.teletherapy.web.signin;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientProviderBuilder;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter.Mode;
import org.teletherapy.web.WebProperties;
import org.teletherapy.web.page.LanguageResolver;

import java.net.URI;

/**
 * Browser sign-in: authorization code with PKCE against Keycloak, tokens kept in the server-side session, the
 * browser holding only the session cookie. Pages need a signed-in user; logout ends the Keycloak session too.
 * The person's roles come from {@link RealmRolesUserService}, which sign-in finds as a bean.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
class WebSecurityConfiguration {

    /**
     * Pages and files anyone may see, signed in or not. {@code /actuator/**} exists on the management port only
     * (loopback), where Prometheus and probes ask without signing in; the public port has no such paths.
     */
    static final String[] PUBLIC_PATHS = {"/css/**", "/js/**", "/webjars/**", "/favicon.ico", "/signed-out",
            "/session-expired", "/sign-in-failed", "/livez", "/readyz", "/actuator/**"};

    @Bean
    SecurityWebFilterChain pages(ServerHttpSecurity http, ReactiveClientRegistrationRepository registrations,
                                 WebProperties properties, MessageSource messages, LanguageResolver languages) {
        DefaultServerOAuth2AuthorizationRequestResolver authorizationRequests =
                new DefaultServerOAuth2AuthorizationRequestResolver(registrations);
        authorizationRequests.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        OidcClientInitiatedServerLogoutSuccessHandler logoutSuccess =
                new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
        logoutSuccess.setPostLogoutRedirectUri("{baseUrl}/signed-out");
        return http
                .authorizeExchange(exchange -> exchange
                        .pathMatchers(PUBLIC_PATHS).permitAll()
                        .anyExchange().authenticated())
                .oauth2Login(login -> login.authorizationRequestResolver(authorizationRequests)
                        .authenticationFailureHandler(new SignInFailureHandler()))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(new SignInEntryPoint()))
                .csrf(csrf -> csrf.accessDeniedHandler(new ExpiredFormHandler(messages, languages)))
                .logout(logout -> logout.logoutSuccessHandler(logoutSuccess))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy(properties)))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                        .frameOptions(frames -> frames.mode(Mode.DENY)))
                .build();
    }

    /**
     * No inline script or style, nothing from elsewhere. Forms may also lead to Keycloak: logging out is a form whose
     * answer redirects there, and browsers apply form-action to that redirect.
     */
    private static String contentSecurityPolicy(WebProperties properties) {
        URI issuer = URI.create(properties.issuerUri());
        String keycloak = issuer.getScheme() + "://" + issuer.getAuthority();
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
                + "form-action 'self' " + keycloak;
    }

    @Bean
    ReactiveOAuth2AuthorizedClientManager authorizedClientManager(ReactiveClientRegistrationRepository registrations,
                                                                  ServerOAuth2AuthorizedClientRepository clients) {
        DefaultReactiveOAuth2AuthorizedClientManager manager =
                new DefaultReactiveOAuth2AuthorizedClientManager(registrations, clients);
        manager.setAuthorizedClientProvider(ReactiveOAuth2AuthorizedClientProviderBuilder.builder()
                .authorizationCode()
                .refreshToken()
                .build());
        return new SingleFlightAuthorizedClientManager(manager);
    }
}
