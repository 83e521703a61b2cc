package org.teletherapy.web.notes;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClientConfigurer;
import org.teletherapy.web.SignedInPageTest;
import org.teletherapy.web.StandInApi.Answer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.stream.Collectors;

import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.mockOidcLogin;

/**
 * Pages of the therapist's workspace, for therapist1 signed in: their caseload (client1, client2) and sessions as
 * sessions-service answers them; a client or an operator signed in for the pages that are not theirs.
 */
public abstract class TherapistPageTest extends SignedInPageTest {

    public static final String CLIENT1 = "5f1c0000-0000-4000-8000-000000000001";
    public static final String CLIENT2 = "5f1c0000-0000-4000-8000-000000000002";
    public static final String SESSION1 = "5e550000-0000-4000-8000-000000000001";
    public static final String SESSION2 = "5e550000-0000-4000-8000-000000000002";
    /** therapist1's own template. */
    public static final String MINE = "7c000000-0000-4000-8000-000000000001";

    private ClientRegistration keycloak;

    @BeforeEach
    void aSignedInTherapistWithTwoClients(@Autowired ReactiveClientRegistrationRepository registrations,
                                          @Autowired ReactiveOAuth2AuthorizedClientService authorizedClients) {
        keycloak = registrations.findByRegistrationId("keycloak").block();
        OAuth2AccessToken token = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "therapist1-access-token",
                Instant.now(), Instant.now().plus(5, ChronoUnit.MINUTES));
        authorizedClients.saveAuthorizedClient(new OAuth2AuthorizedClient(keycloak, THERAPIST, token),
                new TestingAuthenticationToken(THERAPIST, null)).block();
        // A fresh application's first page renders slowly on a busy machine; WebTestClient would give up after 5 s.
        web = web.mutate().responseTimeout(Duration.ofSeconds(30)).build();
        API.answer("/api/v1/care-team", Answer.json("""
                [{"therapistId":"%s","clientId":"%s","name":"Clara Meyer"},
                 {"therapistId":"%s","clientId":"%s","name":"Chidi Nwosu"}]""".formatted(THERAPIST, CLIENT1, THERAPIST, CLIENT2)));
        API.answer("/api/v1/sessions", Answer.json("""
                [{"id":"%s","therapistId":"%s","clientId":"%s","start":"2026-03-10T09:00:00Z","end":"2026-03-10T09:50:00Z","status":"fulfilled"},
                 {"id":"%s","therapistId":"%s","clientId":"%s","start":"2026-03-11T14:00:00Z","end":"2026-03-11T14:50:00Z","status":"booked"},
                 {"id":"5e550000-0000-4000-8000-000000000003","therapistId":"%s","clientId":"%s","start":"2026-03-12T14:00:00Z","end":"2026-03-12T14:50:00Z","status":"cancelled"}]
                """.formatted(SESSION1, THERAPIST, CLIENT1, SESSION2, THERAPIST, CLIENT2, THERAPIST, CLIENT1)));
    }

    /** therapist1, as the browser's session cookie would make them. */
    protected WebTestClientConfigurer therapist() {
        return signedIn(THERAPIST, "Theresa", "therapist1", "ROLE_THERAPIST");
    }

    protected WebTestClientConfigurer operator() {
        return signedIn("0f000000-0000-4000-8000-000000000001", "Olga", "operator1", "ROLE_OPERATOR");
    }

    private WebTestClientConfigurer signedIn(String subject, String name, String username, String role) {
        return mockOidcLogin().clientRegistration(keycloak)
                .idToken(token -> token.subject(subject).claim("given_name", name).claim("preferred_username", username))
                .authorities(new SimpleGrantedAuthority(role));
    }

    protected WebTestClient.ResponseSpec getAs(WebTestClientConfigurer who, String uri) {
        return web.mutateWith(who).get().uri(uri).header("Accept-Language", "en").cookie("tz", "Europe/Berlin").exchange();
    }

    /** A page therapist1 opens, in English, in Berlin. */
    protected Document page(String uri) {
        return page(uri, "en");
    }

    protected Document page(String uri, String language) {
        String html = web.mutateWith(therapist()).get().uri(uri).header("Accept-Language", language)
                .cookie("tz", "Europe/Berlin").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        return Jsoup.parse(html);
    }

    /** therapist1 sends a form (with its CSRF token, as the page's form has it). */
    protected WebTestClient.ResponseSpec send(String uri, Map<String, String> form) {
        return web.mutateWith(therapist()).mutateWith(csrf()).post().uri(uri)
                .header("Accept-Language", "en").cookie("tz", "Europe/Berlin")
                .header("Content-Type", "application/x-www-form-urlencoded").bodyValue(encode(form)).exchange();
    }

    protected static Document html(WebTestClient.ResponseSpec response) {
        return Jsoup.parse(response.expectBody(String.class).returnResult().getResponseBody());
    }

    protected static String encode(Map<String, String> form) {
        return form.entrySet().stream().map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    /** exercises-service's library: its built-in templates as they ship, then one of therapist1's own. */
    public static String library() {
        StringBuilder json = new StringBuilder("[");
        for (String key : new String[] {"open-communication-journal", "consistency-tracker", "apology-and-forgiveness-letter",
                "boundaries-worksheet", "phq-9", "gad-7"}) {
            json.append(builtIn(key)).append(',');
        }
        return json.append("""
                {"id":"%s","builtIn":false,"kind":"exercise","title":"Evening check-in","instructions":"Take five minutes.",
                 "questions":[{"id":"q1","type":"text","prompt":"What went well?","required":true},
                              {"id":"q2","type":"yes-no","prompt":"Did you keep your agreement?","required":true}]}]"""
                .formatted(MINE)).toString();
    }

    public static String builtIn(String key) {
        try {
            return Files.readString(Path.of("..", "exercises-service", "src", "main", "resources", "templates", key + ".json"))
                    .replaceFirst("\\{", "{\"builtIn\":true,");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
