package org.teletherapy.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.teletherapy.testsupport.IntegrationTest;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Spans leave the application the way an operator configures it: to Zipkin, to an OTLP collector, or both, with
 * request paths that keep their shape but lose their secrets.
 */
@IntegrationTest
class TracingExportTest {

    static final String FEED_SECRET = "Zm9yLXRoZS10cmFjaW5nLXRlc3Q";

    static final List<String> ZIPKIN_BODIES = new CopyOnWriteArrayList<>();
    static final List<String> OTLP_CONTENT_TYPES = new CopyOnWriteArrayList<>();

    static final DisposableServer COLLECTORS = HttpServer.create().host("127.0.0.1").port(0)
            .route(routes -> routes
                    .post("/api/v2/spans", (request, response) -> request.receive().aggregate().asByteArray()
                            .map(body -> "gzip".equals(request.requestHeaders().get("Content-Encoding")) ? gunzip(body) : body)
                            .doOnNext(body -> ZIPKIN_BODIES.add(new String(body, StandardCharsets.UTF_8)))
                            .then(response.status(202).send()))
                    .post("/v1/traces", (request, response) -> request.receive().aggregate().then(Mono.defer(() -> {
                        OTLP_CONTENT_TYPES.add(String.valueOf(request.requestHeaders().get("Content-Type")));
                        return response.status(200).send().then();
                    })))
                    .get("/api/v1/calendar/feeds/{token}", (request, response) -> response
                            .header("Content-Type", "text/calendar").sendString(Mono.just("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"))))
            .bindNow();

    @DynamicPropertySource
    static void export(DynamicPropertyRegistry registry) {
        String collectors = "http://127.0.0.1:" + COLLECTORS.port();
        registry.add("TELETHERAPY_ROUTES_SESSIONS_URI", () -> collectors);
        registry.add("TELETHERAPY_TRACING_SAMPLING_PROBABILITY", () -> "1.0");
        registry.add("management.tracing.export.zipkin.enabled", () -> "true");
        registry.add("management.tracing.export.zipkin.endpoint", () -> collectors + "/api/v2/spans");
        registry.add("management.opentelemetry.tracing.export.otlp.endpoint", () -> collectors + "/v1/traces");
        registry.add("management.opentelemetry.tracing.export.schedule-delay", () -> "200ms");
    }

    private static byte[] gunzip(byte[] body) {
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void stopCollectors() {
        COLLECTORS.disposeNow();
    }

    @Autowired
    WebTestClient web;

    @Test
    void spansReachZipkinAndAnOtlpCollectorWithoutThePathsSecret() {
        web.get().uri("/api/v1/calendar/feeds/" + FEED_SECRET + ".ics").exchange().expectStatus().isOk();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(String.join("\n", ZIPKIN_BODIES))
                    .contains("\"serviceName\":\"gateway\"")
                    .contains("/api/v1/calendar/feeds/{token}");
            assertThat(OTLP_CONTENT_TYPES).isNotEmpty().allSatisfy(type -> assertThat(type).contains("protobuf"));
        });
        assertThat(String.join("\n", ZIPKIN_BODIES)).doesNotContain(FEED_SECRET);
    }
}
