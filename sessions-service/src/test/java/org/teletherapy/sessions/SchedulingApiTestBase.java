package org.teletherapy.sessions;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.testsupport.IntegrationTest;

/** The running service with real components, starting each test from {@link SchedulingFixture}'s known state. */
@IntegrationTest
public abstract class SchedulingApiTestBase {

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected DatabaseClient database;

    protected SchedulingFixture fixture;

    @BeforeEach
    void therapist1OffersEveryHourToClient1AndClient2() {
        fixture = new SchedulingFixture(web, database);
        fixture.therapist1OffersEveryHourToClient1AndClient2();
    }
}
