package org.teletherapy.sessions;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.testsupport.DemoUsers;
import org.teletherapy.testsupport.IntegrationTest;
import org.teletherapy.testsupport.MalformedInputs;
import org.teletherapy.testsupport.MalformedInputs.Case;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

/**
 * Every endpoint, sent what careless and hostile callers send: 400 with a problem naming the field, never a 500 and
 * never a silently coerced value. {@code {session}} stands for a session client1 really booked with therapist1.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MalformedInputTest {

    private static final String SESSION = "{session}";
    private static final String THERAPIST = DemoUsers.THERAPIST1.toString();

    static Stream<Case> malformedRequests() {
        return Stream.of(
                MalformedInputs.endpoint(PUT, "/api/v1/availability", "therapist1", """
                                {"timeZone":"Europe/Berlin","sessionMinutes":50,"bufferMinutes":10,
                                 "weekly":[{"day":"MONDAY","start":"09:00","end":"17:00"}],
                                 "timeOff":[{"from":"2026-12-24","to":"2026-12-26"}]}""")
                        .textField("timeZone").integerField("sessionMinutes").integerField("bufferMinutes")
                        .listField("weekly").enumField("weekly[0].day", "MONDAY").timeField("weekly[0].start")
                        .timeField("weekly[0].end").dateField("timeOff[0].from").dateField("timeOff[0].to")
                        .body().cases(),
                MalformedInputs.endpoint(POST, "/api/v1/sessions", "client1",
                                "{\"therapistId\":\"" + THERAPIST + "\",\"start\":\"2030-03-04T10:00:00Z\"}")
                        .uuidField("therapistId").instantField("start").body().cases(),
                MalformedInputs.endpoint(POST, "/api/v1/sessions/series", "client1",
                                "{\"therapistId\":\"" + THERAPIST + "\",\"start\":\"2030-03-04T10:00:00Z\","
                                        + "\"frequency\":\"WEEKLY\",\"occurrences\":4}")
                        .uuidField("therapistId").instantField("start").enumField("frequency", "WEEKLY")
                        .integerField("occurrences").body().cases(),
                MalformedInputs.endpoint(POST, "/api/v1/sessions/{id}/cancel", "client1", "{\"reason\":\"illness\"}")
                        .pathId("id", SESSION).enumField("reason", "illness").textField("scope").body().cases(),
                MalformedInputs.endpoint(POST, "/api/v1/sessions/{id}/reschedule", "client1",
                                "{\"start\":\"2030-03-04T10:00:00Z\"}")
                        .pathId("id", SESSION).instantField("start").body().cases(),
                MalformedInputs.endpoint(GET, "/api/v1/sessions/{id}", "client1", null).pathId("id", SESSION).cases(),
                MalformedInputs.endpoint(GET, "/api/v1/sessions/{id}/video", "client1", null).pathId("id", SESSION).cases(),
                MalformedInputs.endpoint(POST, "/api/v1/sessions/{id}/complete", "therapist1", null).pathId("id", SESSION).cases(),
                MalformedInputs.endpoint(POST, "/api/v1/sessions/{id}/no-show", "therapist1", null).pathId("id", SESSION).cases(),
                MalformedInputs.endpoint(GET, "/api/v1/therapists/{therapistId}/slots?from=2030-03-04T00:00:00Z&to=2030-03-05T00:00:00Z",
                                "client1", null)
                        .pathId("therapistId", THERAPIST).cases(),
                MalformedInputs.endpoint(GET, "/api/v1/therapists/" + THERAPIST + "/slots", "client1", null)
                        .query("from=-999999999-01-01T00:00:00Z&to=2030-03-05T00:00:00Z", "from", "the smallest year")
                        .query("from=2030-03-04T00:00:00Z&to=%2B1000000000-01-01T00:00:00Z", "to", "beyond the largest year")
                        .query("from=tomorrow&to=2030-03-05T00:00:00Z", "from", "not a date")
                        .query("from=1767225600&to=2030-03-05T00:00:00Z", "from", "a number for a date")
                        .query("to=2030-03-05T00:00:00Z", "from", "missing")
                        .cases(),
                MalformedInputs.endpoint(POST, "/api/v1/roster/invitations", "therapist1",
                                "{\"firstName\":\"Ana\",\"lastName\":\"Lima\",\"email\":\"ana@example.org\"}")
                        .textField("firstName").textField("lastName").textField("email").body().cases(),
                MalformedInputs.endpoint(POST, "/api/v1/accounts/therapists", "operator1",
                                "{\"firstName\":\"Ana\",\"lastName\":\"Lima\",\"email\":\"ana@example.org\"}")
                        .textField("firstName").textField("lastName").textField("email").body().cases(),
                MalformedInputs.endpoint(DELETE, "/api/v1/roster/clients/{clientId}", "therapist1", null)
                        .pathId("clientId", DemoUsers.CLIENT2.toString()).cases(),
                // A client nobody has: a case wrongly let through would answer 422 (unknown-client), never erase anyone.
                MalformedInputs.endpoint(POST, "/api/v1/erasures", "operator1",
                                "{\"clientId\":\"" + UUID.randomUUID() + "\",\"reason\":\"client-request\",\"reference\":\"DSR-1\"}")
                        .uuidField("clientId").enumField("reason", "client-request").textField("reference").body().cases(),
                MalformedInputs.endpoint(GET, "/api/v1/erasures/{id}", "operator1", null)
                        .pathId("id", UUID.randomUUID().toString()).cases()
        ).flatMap(List::stream);
    }

    @Autowired
    WebTestClient web;

    @Autowired
    DatabaseClient database;

    private String session;

    /** Once for the whole table: every case is refused, so nothing it sends changes this state. */
    @BeforeAll
    void aSessionOfClient1WithTherapist1() {
        SchedulingFixture fixture = new SchedulingFixture(web, database);
        fixture.therapist1OffersEveryHourToClient1AndClient2();
        session = fixture.book(fixture.firstFreeSlotAfter(Duration.ofDays(1)), "client1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequests")
    void isRefusedWithTheFieldNamed(Case malformed) {
        malformed.with(SESSION, session).assertRefused(web);
    }
}
