package org.teletherapy.notes;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.testsupport.DemoUsers;
import org.teletherapy.testsupport.IntegrationTest;

import java.util.UUID;

/** The running service with real components; each test starts with a new client's completed session with therapist1. */
@IntegrationTest
public abstract class NotesApiTestBase {

    @Autowired
    protected WebTestClient web;

    @Autowired
    protected DatabaseClient database;

    protected NotesFixture fixture;
    protected UUID client;
    protected UUID session;

    @BeforeEach
    void aCompletedSessionOfTherapist1WithANewClient() {
        fixture = new NotesFixture(web, database);
        client = UUID.randomUUID();
        session = fixture.completedSession(DemoUsers.THERAPIST1, client);
    }
}
