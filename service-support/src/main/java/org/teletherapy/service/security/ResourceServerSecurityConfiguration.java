package org.teletherapy.service.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.method.configuration.EnableReactiveMethodSecurity;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/**
 * Every service checks tokens and roles itself (the gateway is not the only guard): health and metrics are open
 * on the service port, the API needs a valid Keycloak token and the role its handler declares, everything else is
 * refused.
 */
// Before Boot's own security auto-configurations, whose default chains would otherwise win.
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive.ReactiveOAuth2ResourceServerAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration"})
@EnableWebFluxSecurity
@EnableReactiveMethodSecurity
public class ResourceServerSecurityConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SecurityWebFilterChain resourceServerSecurity(ServerHttpSecurity http, Environment environment,
            ObjectProvider<RequestMappingHandlerMapping> handlerMappings, ObjectProvider<AccessRefusalListener> refusals) {
        // Paths a service opens on purpose, e.g. calendar feeds that calendar apps poll with a secret in the URL.
        String[] publicPaths = Binder.get(environment)
                .bind("teletherapy.security.public-paths", String[].class).orElse(new String[0]);
        // Paths outside the API that an edge passes on to an application which authenticates people itself (the
        // gateway's route to the web app); the API's own rules are applied first.
        String[] browserPaths = Binder.get(environment)
                .bind("teletherapy.security.browser-paths", String[].class).orElse(new String[0]);
        ServerAccessDeniedHandler accessDenied = ProblemAuthenticationHandlers.accessDenied(refusals);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
                // Stateless: every call brings its token. Looking for a session would also make the gateway expire
                // the web app's session cookie, which passes through it on every page (the cookie names the web
                // app's session, unknown to the gateway).
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchange -> {
                    // Probes on the public port; the management port serves health, info and metrics on loopback.
                    exchange.pathMatchers("/livez", "/readyz", "/actuator/health/**", "/actuator/info",
                            "/actuator/prometheus").permitAll();
                    if (publicPaths.length > 0) {
                        exchange.pathMatchers(publicPaths).permitAll();
                    }
                    // FHIR endpoints (DESIGN.md §12) are API too: a token, and the role the handler declares.
                    exchange.pathMatchers("/api/**", "/fhir/**").access(new HandlerRoleAuthorizationManager(handlerMappings));
                    if (browserPaths.length > 0) {
                        exchange.pathMatchers(browserPaths).permitAll();
                    }
                    exchange.anyExchange().denyAll();
                })
                .oauth2ResourceServer(oauth2 -> oauth2
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new KeycloakRolesConverter()))
                        .authenticationEntryPoint(ProblemAuthenticationHandlers.entryPoint())
                        .accessDeniedHandler(accessDenied))
                .exceptionHandling(handling -> handling
                        .authenticationEntryPoint(ProblemAuthenticationHandlers.entryPoint())
                        .accessDeniedHandler(accessDenied))
                .build();
    }
}
