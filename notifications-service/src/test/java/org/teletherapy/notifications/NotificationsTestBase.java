package org.teletherapy.notifications;

import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.devstack.MailServer;
import org.teletherapy.testsupport.IntegrationTest;
import org.teletherapy.testsupport.TestMail;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The running service on the real components (PostgreSQL, Kafka, Keycloak, GreenMail) and a clock the test moves. */
@IntegrationTest
@Import(NotificationsTestBase.TestClock.class)
public abstract class NotificationsTestBase {

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected DatabaseClient database;

    @Autowired
    protected MutableClock clock;

    protected final MailServer mail = TestMail.shared();

    @AfterEach
    void realTimeAgain() {
        clock.reset();
    }

    /** The messages of {@code kind} to {@code address} about {@code subject}, known by their deliveries' Message-IDs. */
    protected List<MimeMessage> about(String address, String kind, UUID subject) {
        Set<String> ids = Set.copyOf(database.sql("select id from delivery where subject_id = :s and kind = :k")
                .bind("s", subject).bind("k", kind)
                .map(row -> "<" + row.get("id", UUID.class) + "@teletherapy>").all().collectList().block());
        return mail.messagesTo(address).stream().filter(message -> ids.contains(Mails.header(message, "Message-ID")))
                .toList();
    }

    /** Waits for the one message of {@code kind} to {@code address} about {@code subject}; fails on a second one. */
    protected MimeMessage awaitOne(String address, String kind, UUID subject) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !about(address, kind, subject).isEmpty());
        List<MimeMessage> messages = about(address, kind, subject);
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class TestClock {
        @Bean
        MutableClock clock() {
            return new MutableClock();
        }
    }
}
