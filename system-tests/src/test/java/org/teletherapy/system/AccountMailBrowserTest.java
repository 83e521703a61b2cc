package org.teletherapy.system;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Keycloak's own mail, through the real SMTP server and the real Keycloak pages: the invitation a therapist's new
 * client receives, and the password reset anyone can start from the sign-in page.
 */
@Order(8)
class AccountMailBrowserTest extends BrowserTest {

    private static final Pattern KEYCLOAK_LINK = Pattern.compile("https?://[^\\s\"<>]+/login-actions/[^\\s\"<>]+");
    private static final String FIRST_PASSWORD = "a long first passphrase 3";
    private static final String NEW_PASSWORD = "a long new passphrase 7";

    @Test
    void anInvitedClientSetsAPasswordFromTheMailAndSignsIn() {
        String email = invite("Ines");

        openBrowser(390, "en-GB");
        acceptInvitation(email, FIRST_PASSWORD);

        assertThat(page.locator("h1").innerText()).contains("Ines");
        assertThat(page.locator("nav").innerText()).contains("Book", "Homework");
    }

    @Test
    void aForgottenPasswordIsResetFromTheSignInPage() {
        String email = invite("Rafael");
        openBrowser(1280, "en-GB");
        acceptInvitation(email, FIRST_PASSWORD);
        page.locator("form.signout button").click();
        page.waitForLoadState();

        page.navigate(gatewayUrl + "/");
        page.locator("a:has-text('Forgot Password?')").click();
        page.locator("#username").fill(email);
        page.locator("input[type=submit], button[type=submit]").first().click();
        assertThat(page.locator("body").innerText()).contains("You should receive an email");

        // Keycloak's second mail to the address (the invitation was the first; the platform's own, such as the new
        // care team, have no Keycloak link).
        List<String> links = await().atMost(Duration.ofSeconds(30)).until(() -> keycloakLinksTo(email),
                found -> found.size() >= 2);
        page.navigate(links.get(links.size() - 1));
        setPassword(NEW_PASSWORD);
        page.waitForURL(gatewayUrl + "/**");

        assertThat(page.locator("h1").innerText()).contains("Rafael");
    }

    /** Follows the invitation's link, sets a first password on Keycloak's page and signs in to the web app. */
    private void acceptInvitation(String email, String password) {
        page.navigate(linkIn(awaitMail(email)));
        // Keycloak lists what the invitation asks for before it starts.
        if (page.locator("a:has-text('Click here to proceed')").count() > 0) {
            page.locator("a:has-text('Click here to proceed')").click();
        }
        setPassword(password);
        if (page.locator("a:has-text('Back to Application')").count() > 0) {
            page.locator("a:has-text('Back to Application')").click();
        }
        if (page.locator("#username").count() > 0) {
            page.locator("#username").fill(email);
            page.locator("#password").fill(password);
            page.locator("#kc-login").click();
        }
        page.waitForURL(gatewayUrl + "/**");
    }

    /** therapist1 invites a new client with a fresh address, as the caseload page does; answers the address. */
    private static String invite(String firstName) {
        String email = firstName.toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        gateway().post().uri("/api/v1/roster/invitations")
                .headers(h -> h.setBearerAuth(running.keycloak.accessToken("therapist1")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("firstName", firstName, "lastName", "Invited", "email", email))
                .exchange().expectStatus().isCreated();
        return email;
    }

    /** The first mail to {@code address} with a link to Keycloak's pages: its invitation. */
    private static MimeMessage awaitMail(String address) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> running.platform.mail().messagesTo(address).stream()
                .filter(message -> keycloakLink(message) != null).findFirst().orElse(null), message -> message != null);
    }

    private static List<String> keycloakLinksTo(String address) {
        return running.platform.mail().messagesTo(address).stream().map(AccountMailBrowserTest::keycloakLink)
                .filter(link -> link != null).toList();
    }

    private static String keycloakLink(MimeMessage message) {
        try {
            Matcher link = KEYCLOAK_LINK.matcher(textOf(message.getContent()));
            return link.find() ? link.group().replace("&amp;", "&") : null;
        } catch (Exception unreadable) {
            return null;
        }
    }

    private void setPassword(String password) {
        page.locator("#password-new").fill(password);
        page.locator("#password-confirm").fill(password);
        page.locator("input[type=submit], button[type=submit]").first().click();
    }

    private static String linkIn(MimeMessage message) {
        String link = keycloakLink(message);
        assertThat(link).as("a Keycloak link in the mail").isNotNull();
        return link;
    }

    private static String textOf(Object content) throws Exception {
        if (content instanceof Multipart multipart) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                text.append(textOf(part.getContent())).append('\n');
            }
            return text.toString();
        }
        return String.valueOf(content);
    }
}
