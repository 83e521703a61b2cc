package org.teletherapy.exercises;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.testsupport.IntegrationTest;

import static org.teletherapy.exercises.ExercisesFixtures.demoRoster;

/** The running service with real components, and the demo realm's roster as the sessions-service publishes it. */
@IntegrationTest
public abstract class ExercisesApiTestBase {

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected DatabaseClient database;

    @BeforeEach
    void rosterAsInTheDemo() {
        demoRoster(database);
    }
}
