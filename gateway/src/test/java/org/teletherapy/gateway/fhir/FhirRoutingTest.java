package org.teletherapy.gateway.fhir;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.testsupport.Infrastructure;
import org.teletherapy.testsupport.IntegrationTest;
import org.teletherapy.testsupport.KeycloakEndpoint;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * FHIR under one base, /fhir/r4, each resource type routed to the service that owns it (DESIGN.md §12), with the
 * same token checks as the API. Three stand-in services answer with their own name and record what reached them.
 */
@IntegrationTest
class FhirRoutingTest {

    static final MediaType FHIR = MediaType.valueOf("application/fhir+json");
    /** What each stand-in saw last: path and query, and the Authorization header. */
    static final Map<String, String> SEEN = new ConcurrentHashMap<>();

    static final DisposableServer SESSIONS = standIn("sessions");
    static final DisposableServer EXERCISES = standIn("exercises");
    static final DisposableServer NOTES = standIn("notes");
    static final DisposableServer WEB = standIn("web");

    static DisposableServer standIn(String name) {
        return HttpServer.create().host("127.0.0.1").port(0)
                .handle((request, response) -> {
                    SEEN.put(name, request.uri() + " " + request.requestHeaders().get("Authorization"));
                    return response.header("Content-Type", "application/fhir+json")
                            .sendString(Mono.just("{\"resourceType\":\"Bundle\",\"id\":\"" + name + "\"}"));
                })
                .bindNow();
    }

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        registry.add("TELETHERAPY_ROUTES_SESSIONS_URI", () -> "http://127.0.0.1:" + SESSIONS.port());
        registry.add("TELETHERAPY_ROUTES_EXERCISES_URI", () -> "http://127.0.0.1:" + EXERCISES.port());
        registry.add("TELETHERAPY_ROUTES_NOTES_URI", () -> "http://127.0.0.1:" + NOTES.port());
        registry.add("TELETHERAPY_ROUTES_WEB_URI", () -> "http://127.0.0.1:" + WEB.port());
    }

    @AfterAll
    static void stopStandIns() {
        SESSIONS.disposeNow();
        EXERCISES.disposeNow();
        NOTES.disposeNow();
        WEB.disposeNow();
    }

    @Autowired
    WebTestClient web;

    final KeycloakEndpoint keycloak = Infrastructure.shared().keycloak();

    @Test
    void eachResourceTypeGoesToTheServiceThatOwnsItWithTheCallersToken() {
        String token = keycloak.accessToken("client1");
        Map<String, String> owners = Map.of(
                "/fhir/r4/Patient/2f1d5a0e-6b0a-4c1e-9a51-000000000201", "sessions",
                "/fhir/r4/Practitioner/2f1d5a0e-6b0a-4c1e-9a51-000000000101", "sessions",
                "/fhir/r4/Appointment?patient=Patient/x", "sessions",
                "/fhir/r4/QuestionnaireResponse?patient=Patient/x", "exercises",
                "/fhir/r4/Observation?patient=Patient/x&code=http://loinc.org%7C44249-1", "exercises",
                "/fhir/r4/DocumentReference?patient=Patient/x", "notes",
                "/fhir/r4/AuditEvent?_count=10", "notes");
        owners.forEach((path, owner) -> {
            SEEN.clear();
            web.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange()
                    .expectStatus().isOk()
                    .expectBody().jsonPath("$.id").isEqualTo(owner);
            assertThat(SEEN).as(path).containsOnlyKeys(owner);
            assertThat(SEEN.get(owner)).startsWith(path.replace("%7C", "|").split("\\?")[0]).endsWith("Bearer " + token);
        });
    }

    @Test
    void withoutATokenFhirIsRefusedAtTheEdgeAsAnOperationOutcomeButTheCapabilityStatementIsOpen() {
        SEEN.clear();
        web.get().uri("/fhir/r4/Appointment?patient=Patient/x").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(FHIR)
                .expectBody()
                .jsonPath("$.resourceType").isEqualTo("OperationOutcome")
                .jsonPath("$.issue[0].code").isEqualTo("login");
        assertThat(SEEN).isEmpty();

        web.get().uri("/fhir/r4/metadata").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo("sessions");
    }

    @Test
    void aFhirPathNoServiceOwnsIsANotFoundOutcomeNeverAPage() {
        String token = keycloak.accessToken("client1");
        SEEN.clear();
        web.get().uri("/fhir/r4/Medication/1").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(FHIR)
                .expectBody().jsonPath("$.resourceType").isEqualTo("OperationOutcome");
        web.get().uri("/fhir/r4/PatientX").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isNotFound();
        assertThat(SEEN).doesNotContainKey("web");
    }
}
