package org.teletherapy.gateway.docs;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.testsupport.ApiDocuments;
import org.teletherapy.testsupport.IntegrationTest;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The API's documents and their explorer through the gateway, without a token, in front of stand-in services. */
@IntegrationTest
class ApiDocsTest {

    /** Answers its own document where a service has it, naming the service so a mixed-up route shows. */
    static DisposableServer standIn(String name) {
        return HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.get("/v3/api-docs", (request, response) -> response
                        .header("Content-Type", "application/json")
                        .sendString(Mono.just("{\"openapi\":\"3.1.0\",\"info\":{\"title\":\"" + name + "-service\"},\"paths\":{}}"))))
                .bindNow();
    }

    static final Map<String, DisposableServer> SERVICES = Map.of(
            "sessions", standIn("sessions"), "notes", standIn("notes"), "exercises", standIn("exercises"),
            "notifications", standIn("notifications"));

    @DynamicPropertySource
    static void routes(DynamicPropertyRegistry registry) {
        SERVICES.forEach((name, server) -> registry.add("TELETHERAPY_ROUTES_" + name.toUpperCase() + "_URI",
                () -> "http://127.0.0.1:" + server.port()));
    }

    @AfterAll
    static void stopStandIns() {
        SERVICES.values().forEach(DisposableServer::disposeNow);
    }

    @Autowired
    WebTestClient web;

    @Autowired
    ApplicationContext context;

    @ParameterizedTest
    @ValueSource(strings = {"sessions", "notes", "exercises", "notifications"})
    void eachServicesDocumentIsServedWithoutAToken(String service) {
        web.get().uri("/v3/api-docs/" + service).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.openapi").value(version -> assertThat((String) version).startsWith("3.1."))
                .jsonPath("$.info.title").isEqualTo(service + "-service");
    }

    @Test
    void theGatewaysOwnDocumentListsEveryOperationItServesItselfAndNoOther() {
        ApiDocuments.assertDescribesTheApplication(context, web, "/v3/api-docs/gateway", "gateway");
    }

    @Test
    void theGatewaysOwnDocumentDescribesTheOperatorOverview() {
        web.get().uri("/v3/api-docs/gateway").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.openapi").value(version -> assertThat((String) version).startsWith("3.1."))
                .jsonPath("$.paths['/api/v1/ops/overview'].get['x-roles']").isEqualTo(List.of("operator"))
                .jsonPath("$.paths['/api/v1/ops/overview'].get.responses['401'].content['application/problem+json']")
                .exists()
                .jsonPath("$.paths['/api/v1/ops/overview'].get.responses['403']['x-problem-types'][0]")
                .isEqualTo("urn:teletherapy:problem:forbidden")
                .jsonPath("$.components.securitySchemes.bearer.scheme").isEqualTo("bearer")
                .jsonPath("$.paths['/fallback/{service}']").doesNotExist();
    }

    @Test
    void theExplorerIsAPageWithoutInlineScriptThatListsEveryDocument() {
        String page = web.get().uri("/api/docs").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<div id=\"swagger-ui\">", "/api/docs/swagger-ui-bundle.js");
        assertThat(page.replaceAll("<script src=\"[^\"]+\" charset=\"UTF-8\"></script>", "")).doesNotContain("<script");

        web.get().uri("/api/docs/swagger-initializer.js").exchange()
                .expectStatus().isOk()
                .expectBody(String.class).value(script -> assertThat(script).contains("/api/docs/swagger-config")
                        .doesNotContain("petstore"));
        web.get().uri("/api/docs/swagger-config").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.urls[*].url").isEqualTo(List.of("/v3/api-docs/sessions", "/v3/api-docs/notes",
                        "/v3/api-docs/exercises", "/v3/api-docs/notifications", "/v3/api-docs/gateway"));
        // Swagger UI itself, from its WebJar (1.6 MB: its headers are enough here).
        web.get().uri("/api/docs/swagger-ui-bundle.js").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(new MediaType("text", "javascript"))
                .expectHeader().value("Content-Length", length -> assertThat(Long.parseLong(length)).isGreaterThan(1_000_000));
        web.get().uri("/api/docs/swagger-ui.css").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(new MediaType("text", "css"));
    }

    @Test
    void otherPathsBesideTheDocumentsStayClosed() {
        web.get().uri("/v3/api-docs/elsewhere").exchange().expectStatus().isNotFound();
        web.get().uri("/api/v1/sessions").exchange().expectStatus().isUnauthorized();
    }
}
