package org.teletherapy.gateway.ops;

import io.netty.channel.ChannelOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.codec.CodecCustomizer;
import org.springframework.cloud.gateway.config.GatewayProperties;
import org.springframework.cloud.gateway.route.RouteDefinition;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.teletherapy.service.ops.OpsState;
import org.teletherapy.service.ops.OpsStatus;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts the overview together: every service's {@code /api/v1/ops/status} and Keycloak's health, all at once, each
 * given {@link OpsProperties#timeout()}. What does not answer in time is DOWN; the overview answers with the rest.
 */
@Component
class PlatformOverview {

    private static final Logger log = LoggerFactory.getLogger(PlatformOverview.class);
    private static final String STATUS_PATH = "/api/v1/ops/status";

    /** The services are the gateway's routes: each route's id names a service, its URI is where the service is. */
    private final List<RouteDefinition> services;
    /** The figure groups each route allows for its service (metadata {@code ops-figures}), with the figures. */
    private final Map<String, Map<String, List<String>>> allowedFigures;
    private final WebClient web;
    private final OpsProperties properties;
    private final Clock clock;

    PlatformOverview(GatewayProperties gateway, OpsProperties properties, Clock clock,
                     ObjectProvider<WebClient.Builder> builders, ObjectProvider<CodecCustomizer> codecs) {
        this.clock = clock;
        if (properties.keycloakHealthUri() == null) {
            throw new IllegalStateException("teletherapy.ops.keycloak-health-uri is not set");
        }
        this.services = gateway.getRoutes().stream()
                .filter(route -> "http".equals(route.getUri().getScheme()) || "https".equals(route.getUri().getScheme()))
                // A route can say its application has no ops status of its own (the web app's pages).
                .filter(route -> !"false".equals(String.valueOf(route.getMetadata().get("ops-status"))))
                .toList();
        this.allowedFigures = new LinkedHashMap<>();
        services.forEach(route -> allowedFigures.put(route.getId(), allowedFigures(route)));
        this.properties = properties;
        int timeoutMillis = (int) properties.timeout().toMillis();
        // Boot's builder where one is configured (instrumented), else one with Boot's JSON codecs.
        WebClient.Builder builder = Optional.ofNullable(builders.getIfAvailable()).map(WebClient.Builder::clone)
                .orElseGet(() -> WebClient.builder()
                        .codecs(configurer -> codecs.orderedStream().forEach(codec -> codec.customize(configurer))));
        this.web = builder.clientConnector(new ReactorClientHttpConnector(HttpClient.create()
                        .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, timeoutMillis)
                        .responseTimeout(properties.timeout())))
                .build();
    }

    /** The overview as the operator whose bearer token is relayed: each service checks the operator role itself. */
    Mono<Overview> collect(String bearerToken) {
        Mono<Map<String, OpsStatus>> statuses = Flux.fromIterable(services)
                .flatMapSequential(route -> status(route, bearerToken)
                        .map(Optional::of).defaultIfEmpty(Optional.empty())
                        .map(status -> Map.entry(route.getId(), status)))
                .collect(LinkedHashMap::new, (map, entry) -> map.put(entry.getKey(), entry.getValue().orElse(null)));
        return Mono.zip(keycloak(), statuses)
                .map(parts -> Overview.of(clock.instant(), parts.getT1(), parts.getT2(), allowedFigures));
    }

    /** {@code ops-figures: {group: "figure,figure"}}: the only figures of the service the overview passes on. */
    private static Map<String, List<String>> allowedFigures(RouteDefinition route) {
        if (!(route.getMetadata().get("ops-figures") instanceof Map<?, ?> groups)) {
            return Map.of();
        }
        Map<String, List<String>> declared = new LinkedHashMap<>();
        groups.forEach((group, names) -> declared.put(String.valueOf(group),
                Arrays.stream(String.valueOf(names).split(",")).map(String::trim).filter(name -> !name.isEmpty()).toList()));
        return declared;
    }

    private Mono<OpsStatus> status(RouteDefinition route, String bearerToken) {
        URI uri = route.getUri().resolve(STATUS_PATH);
        return web.get().uri(uri).headers(headers -> headers.setBearerAuth(bearerToken))
                .retrieve()
                .bodyToMono(OpsStatus.class)
                .timeout(timeout())
                .onErrorResume(e -> {
                    // The route id and the failure's class only: never the token or a body.
                    log.warn("ops status of {} not available: {}", route.getId(), e.getClass().getSimpleName());
                    return Mono.empty();
                });
    }

    private Mono<OpsState> keycloak() {
        return web.get().uri(properties.keycloakHealthUri())
                .retrieve()
                .toBodilessEntity()
                .map(response -> response.getStatusCode().is2xxSuccessful() ? OpsState.UP : OpsState.DOWN)
                .timeout(timeout())
                .onErrorResume(e -> {
                    log.warn("Keycloak health not available: {}", e.getClass().getSimpleName());
                    return Mono.just(OpsState.DOWN);
                });
    }

    private Duration timeout() {
        return properties.timeout();
    }
}
