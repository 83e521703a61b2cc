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

    @TestConfiguration(proxyBeanMethods = false)
    public static class TestClock {
        @Bean
        MutableClock clock() {
            return new MutableClock();
        }
    }
}
