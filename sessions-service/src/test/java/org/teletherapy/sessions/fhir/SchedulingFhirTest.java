package org.teletherapy.sessions.fhir;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.sessions.SchedulingApiTestBase;
import org.teletherapy.sessions.SchedulingFixture;
import org.teletherapy.testsupport.DemoUsers;
import org.teletherapy.testsupport.fhir.FhirValidation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The FHIR R4 reads of sessions-service against real Keycloak and PostgreSQL, every answer checked by HAPI FHIR's
 * validator: client1's record (Patient, their therapist, their sessions in each status), and who may not read it.
 */
class SchedulingFhirTest extends SchedulingApiTestBase {

    static final MediaType FHIR = MediaType.valueOf("application/fhir+json");
    static final String CLIENT1 = "Patient/" + DemoUsers.CLIENT1;

    @Test
    void client1sSessionsAreAValidSearchsetWithEveryStatusAndTheCancellationReason() {
        String booked = fixture.book(fixture.firstFreeSlotAfter(Duration.ofDays(2)), "client1");
        String cancelled = fixture.book(fixture.firstFreeSlotAfter(Duration.ofDays(3)), "client1");
        String fulfilled = fixture.book(fixture.firstFreeSlotAfter(Duration.ofDays(4)), "client1");
        String missed = fixture.book(fixture.firstFreeSlotAfter(Duration.ofDays(5)), "client1");
        fixture.book(fixture.firstFreeSlotAfter(Duration.ofDays(6)), "client2");
        web.post().uri("/api/v1/sessions/{id}/cancel", cancelled).headers(as("client1"))
                .bodyValue(Map.of("reason", "illness")).exchange().expectStatus().is2xxSuccessful();
        status(fulfilled, "fulfilled");
        status(missed, "noshow");

        String bundle = search("/fhir/r4/Appointment?patient=" + CLIENT1, "client1").expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(FHIR)
                .expectBody(String.class).returnResult().getResponseBody();

        System.out.println("Appointment searchset, validator: " + FhirValidation.assertValid(bundle));
        Map<?, ?> parsed = json(bundle);
        assertThat(parsed.get("type")).isEqualTo("searchset");
        assertThat(parsed.get("total")).isEqualTo(4);
        Map<String, Map<?, ?>> byId = new java.util.HashMap<>();
        for (Object entry : (List<?>) parsed.get("entry")) {
            Map<?, ?> resource = (Map<?, ?>) ((Map<?, ?>) entry).get("resource");
            byId.put((String) resource.get("id"), resource);
            assertThat(((Map<?, ?>) entry).get("fullUrl")).asString().endsWith("/Appointment/" + resource.get("id"));
        }
        assertThat(byId.keySet()).containsExactlyInAnyOrder(booked, cancelled, fulfilled, missed);
        assertThat(byId.get(booked).get("status")).isEqualTo("booked");
        assertThat(byId.get(fulfilled).get("status")).isEqualTo("fulfilled");
        assertThat(byId.get(missed).get("status")).isEqualTo("noshow");
        Map<?, ?> cancellation = byId.get(cancelled);
        assertThat(cancellation.get("status")).isEqualTo("cancelled");
        Map<?, ?> reason = (Map<?, ?>) cancellation.get("cancelationReason");
        assertThat(((Map<?, ?>) ((List<?>) reason.get("coding")).get(0)).get("code")).isEqualTo("illness");
        assertThat(reason.get("text")).asString().startsWith("Illness");
        assertThat(bundle).contains("\"reference\":\"Practitioner/" + DemoUsers.THERAPIST1 + "\"")
                .contains("\"reference\":\"" + CLIENT1 + "\"")
                .doesNotContain(DemoUsers.CLIENT2.toString());
    }

    @Test
    void thePatientIsTheClientAsKeycloakKnowsThemAndValid() {
        String patient = web.get().uri("/fhir/r4/Patient/{id}", DemoUsers.CLIENT1).headers(as("client1")).exchange()
                .expectStatus().isOk().expectHeader().contentTypeCompatibleWith(FHIR)
                .expectBody(String.class).returnResult().getResponseBody();

        System.out.println("Patient, validator: " + FhirValidation.assertValid(patient));
        assertThat(patient).contains("\"resourceType\":\"Patient\"").contains("\"family\":\"Meyer\"")
                .contains("\"given\":[\"Clara\"]").contains("client1@example.org");

        // Their therapist sees them; the client sees their therapist.
        web.get().uri("/fhir/r4/Patient/{id}", DemoUsers.CLIENT1).headers(as("therapist1")).exchange().expectStatus().isOk();
        String practitioner = web.get().uri("/fhir/r4/Practitioner/{id}", DemoUsers.THERAPIST1).headers(as("client1"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        System.out.println("Practitioner, validator: " + FhirValidation.assertValid(practitioner));
        assertThat(practitioner).contains("\"family\":\"Lindqvist\"").doesNotContain("therapist1@example.org");
    }

    @Test
    void anotherTherapistsClientIsNotFoundWhateverIsAsked() {
        fixture.book(fixture.firstFreeSlotAfter(Duration.ofDays(2)), "client1");

        for (String path : List.of("/fhir/r4/Patient/" + DemoUsers.CLIENT1, "/fhir/r4/Appointment?patient=" + CLIENT1)) {
            notFound(search(path, "therapist2"));
        }
        // A client reads no one else, and not a therapist who does not treat them.
        notFound(search("/fhir/r4/Patient/" + DemoUsers.CLIENT2, "client1"));
        notFound(search("/fhir/r4/Appointment?patient=Patient/" + DemoUsers.CLIENT2, "client1"));
        notFound(search("/fhir/r4/Practitioner/" + DemoUsers.THERAPIST2, "client1"));
        notFound(search("/fhir/r4/Practitioner/" + DemoUsers.THERAPIST1, "therapist2"));
        // Nobody at all: the same answer.
        notFound(search("/fhir/r4/Patient/" + UUID.randomUUID(), "therapist1"));
    }

    @Test
    void anOperatorReadsNoPersonalRecordHere() {
        search("/fhir/r4/Patient/" + DemoUsers.CLIENT1, "operator1").expectStatus().isForbidden()
                .expectHeader().contentTypeCompatibleWith(FHIR)
                .expectBody().jsonPath("$.resourceType").isEqualTo("OperationOutcome")
                .jsonPath("$.issue[0].code").isEqualTo("forbidden");
        search("/fhir/r4/Appointment?patient=" + CLIENT1, "operator1").expectStatus().isForbidden();
    }

    @Test
    void aBadSearchIsA400OperationOutcomeNamingTheParameter() {
        String outcome = search("/fhir/r4/Appointment?patient=Patient/not-an-id", "client1").expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(FHIR)
                .expectBody(String.class).returnResult().getResponseBody();
        FhirValidation.assertValid(outcome);
        assertThat(outcome).contains("\"code\":\"invalid\"").contains("patient").doesNotContain("not-an-id");

        search("/fhir/r4/Appointment", "client1").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.issue[0].details.coding[0].code").isEqualTo("fhir-invalid-search");
        search("/fhir/r4/Appointment?patient=" + CLIENT1 + "&status=booked", "client1").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.issue[0].diagnostics").value(text -> assertThat((String) text).contains("status"));
        search("/fhir/r4/Patient/nope", "client1").expectStatus().isBadRequest();
    }

    @Test
    void withoutATokenItIs401AsAnOperationOutcomeButTheCapabilityStatementIsOpen() {
        web.get().uri("/fhir/r4/Appointment?patient=" + CLIENT1).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(FHIR)
                .expectBody().jsonPath("$.issue[0].code").isEqualTo("login");
        web.get().uri("/fhir/r4/Unknown").headers(as("client1")).exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.resourceType").isEqualTo("OperationOutcome");

        String metadata = web.get().uri("/fhir/r4/metadata").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        System.out.println("CapabilityStatement, validator: " + FhirValidation.assertValid(metadata));
        assertThat(metadata).contains("\"type\":\"Patient\"").contains("\"type\":\"Appointment\"")
                .contains("\"fhirVersion\":\"4.0.1\"");
    }

    private WebTestClient.ResponseSpec search(String uri, String user) {
        return web.get().uri(uri).headers(as(user)).exchange();
    }

    private static void notFound(WebTestClient.ResponseSpec response) {
        response.expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(FHIR)
                .expectBody().jsonPath("$.resourceType").isEqualTo("OperationOutcome")
                .jsonPath("$.issue[0].code").isEqualTo("not-found");
    }

    private void status(String session, String status) {
        database.sql("update session set status = :status where id = :id").bind("status", status)
                .bind("id", UUID.fromString(session)).then().block();
    }

    private static java.util.function.Consumer<org.springframework.http.HttpHeaders> as(String user) {
        String token = SchedulingFixture.token(user);
        return headers -> headers.setBearerAuth(token);
    }

    private static Map<?, ?> json(String body) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readValue(body, Map.class);
    }
}
