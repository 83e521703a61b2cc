package org.teletherapy.web;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClientConfigurer;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.springSecurity;

/**
 * Pages rendered from what a stand-in API answers, for a signed-in client. Signing in itself is tested against the
 * real Keycloak in the browser tests (system-tests); here the session holds what signing in leaves on the server:
 * the client's identity and the access token the API calls carry.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
public abstract class SignedInPageTest {

    protected static final String SUBJECT = "5f1c0000-0000-4000-8000-000000000003";
    protected static final String THERAPIST = "9f2c3b1e-1111-4c3a-9d7e-000000000001";
    protected static final StandInApi API = new StandInApi();

    @DynamicPropertySource
    static void api(DynamicPropertyRegistry registry) {
        registry.add("teletherapy.web.api-uri", API::url);
        registry.add("teletherapy.web.client-secret", () -> "page-test-secret");
        // A stand-in that never answers (Answer.never) keeps a page waiting this long, not the 12 s of production
        // (and no shorter: a fresh application's first calls take a second or two on a busy machine).
        registry.add("teletherapy.web.api-timeout", () -> "3s");
        // No Kafka here: the live safety banner's stream is tested by emitting into LiveAlerts, and end to end in
        // system-tests.
        registry.add("teletherapy.web.live-alerts", () -> "false");
        registry.add("teletherapy.web.console.zipkin", () -> "http://127.0.0.1:9411/zipkin/");
    }

    @AfterAll
    static void forgetTheAnswers() {
        API.reset();
    }

    protected WebTestClient web;
    private ClientRegistration keycloak;

    @BeforeEach
    void aSignedInClient(@Autowired ApplicationContext context,
                         @Autowired ReactiveClientRegistrationRepository registrations,
                         @Autowired ReactiveOAuth2AuthorizedClientService authorizedClients) {
        // A page's first rendering compiles its templates: on a busy 2-core machine that outlasts the default 5 s.
        web = WebTestClient.bindToApplicationContext(context).apply(springSecurity()).configureClient()
                .responseTimeout(java.time.Duration.ofSeconds(20)).build();
        keycloak = registrations.findByRegistrationId("keycloak").block();
        OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "client1-access-token",
                Instant.now(), Instant.now().plus(5, ChronoUnit.MINUTES));
        authorizedClients.saveAuthorizedClient(new OAuth2AuthorizedClient(keycloak, SUBJECT, token),
                new TestingAuthenticationToken(SUBJECT, null)).block();
        OAuth2AccessToken therapistToken = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER,
                "therapist1-access-token", Instant.now(), Instant.now().plus(5, ChronoUnit.MINUTES));
        authorizedClients.saveAuthorizedClient(new OAuth2AuthorizedClient(keycloak, THERAPIST, therapistToken),
                new TestingAuthenticationToken(THERAPIST, null)).block();
        API.reset();
        API.answer("/api/v1/care-team", StandInApi.Answer.json(
                "[{\"therapistId\":\"" + THERAPIST + "\",\"name\":\"Theresa Lindqvist\"}]"));
    }

    /** The signed-in therapist (the client's, {@link #THERAPIST}), as the browser's session cookie would make them. */
    protected WebTestClientConfigurer therapist() {
        return mockOidcLogin()
                .clientRegistration(keycloak)
                .idToken(token -> token.subject(THERAPIST).claim("given_name", "Theresa")
                        .claim("preferred_username", "therapist1"))
                .authorities(new SimpleGrantedAuthority("ROLE_THERAPIST"));
    }

    /** Someone signed in with {@code role} only (e.g. ROLE_OPERATOR). */
    protected WebTestClientConfigurer signedInAs(String subject, String role) {
        return mockOidcLogin()
                .clientRegistration(keycloak)
                .idToken(token -> token.subject(subject).claim("preferred_username", "someone"))
                .authorities(new SimpleGrantedAuthority(role));
    }

    /** The signed-in client, as the browser's session cookie would make them. */
    protected WebTestClientConfigurer client() {
        return mockOidcLogin()
                .clientRegistration(keycloak)
                .idToken(token -> token.subject(SUBJECT).claim("given_name", "Clara").claim("preferred_username", "client1"))
                .authorities(new SimpleGrantedAuthority("ROLE_CLIENT"));
    }
}
