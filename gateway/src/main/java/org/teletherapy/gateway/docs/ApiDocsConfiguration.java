package org.teletherapy.gateway.docs;

import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

/**
 * The API's documents without a token: each service's OpenAPI document as {@code /v3/api-docs/<name>}, the gateway's
 * own as {@code /v3/api-docs/gateway}, and Swagger UI (from its WebJar) listing them all at {@code /api/docs}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    static final String DOCS = "/v3/api-docs/";
    static final String GATEWAY_DOCUMENT = "gateway";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");

    @Bean
    RouteLocator apiDocumentRoutes(RouteLocatorBuilder builder, ApiDocsProperties properties) {
        RouteLocatorBuilder.Builder routes = builder.routes();
        properties.services().forEach((name, uri) -> routes.route("api-docs-" + name, route -> route
                .method(HttpMethod.GET).and().path(DOCS + name)
                .filters(filters -> filters.setPath("/v3/api-docs"))
                .uri(uri)));
        return routes.build();
    }

    @Bean
    RouterFunction<ServerResponse> apiExplorer(ApiDocsProperties properties) {
        List<Map<String, String>> documents = new ArrayList<>();
        properties.services().keySet().forEach(name -> documents.add(Map.of("name", name, "url", DOCS + name)));
        documents.add(Map.of("name", GATEWAY_DOCUMENT, "url", DOCS + GATEWAY_DOCUMENT));
        Map<String, Object> config = Map.of("urls", documents);
        Resource page = new ClassPathResource("api-docs/index.html");
        Resource initializer = new ClassPathResource("api-docs/swagger-initializer.js");
        return RouterFunctions.route(GET("/api/docs"), request -> ServerResponse.ok().contentType(MediaType.TEXT_HTML)
                        .bodyValue(page))
                // Swagger UI reads its configuration from here (configUrl): no inline script on the page.
                .andRoute(GET("/api/docs/swagger-config"), request -> ServerResponse.ok()
                        .contentType(MediaType.APPLICATION_JSON).bodyValue(config))
                .andRoute(GET("/api/docs/swagger-initializer.js"), request -> ServerResponse.ok().contentType(JAVASCRIPT)
                        .bodyValue(initializer))
                .and(RouterFunctions.resources("/api/docs/**", new ClassPathResource(WEBJAR + swaggerUiVersion() + "/")));
    }

    /** The WebJar's version, from its own Maven metadata, so only the root POM names it. */
    private static String swaggerUiVersion() {
        try {
            return PropertiesLoaderUtils.loadProperties(
                    new ClassPathResource("META-INF/maven/org.webjars/swagger-ui/pom.properties")).getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("Swagger UI's WebJar is missing from the class path", e);
        }
    }
}
