package org.teletherapy.notifications.recipient;

import jakarta.ws.rs.NotFoundException;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.UserRepresentation;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;
import org.teletherapy.service.keycloak.KeycloakAdminClients;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Looks a recipient's address, name, language and time zone up in Keycloak when a message is sent, so that the
 * service keeps no contact details. Answers are kept for a short while in memory only; an account that is gone or has
 * no address is empty.
 */
@Service
public class Recipients implements DisposableBean {

    private final Keycloak keycloak;
    private final KeycloakProperties properties;
    private final Clock clock;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    Recipients(KeycloakProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
        this.keycloak = KeycloakAdminClients.serviceAccount(properties.url(), properties.realm(),
                properties.clientId(), properties.clientSecret(), properties.connectTimeout(), properties.readTimeout());
    }

    /**
     * The person as Keycloak knows them now; empty if the account is gone or has no address. Keycloak being away is an
     * error (the message is tried again later), not an empty answer.
     *
     * @param defaultLocale   for an account without a {@code locale} attribute
     * @param defaultTimeZone for an account without a {@code zoneinfo} attribute
     */
    public Mono<Recipient> find(UUID userId, Locale defaultLocale, ZoneId defaultTimeZone) {
        Instant now = clock.instant();
        Cached cached = cache.get(userId);
        if (cached != null && cached.until().isAfter(now)) {
            return Mono.justOrEmpty(cached.user()).map(user -> recipient(userId, user, defaultLocale, defaultTimeZone));
        }
        return Mono.fromCallable(() -> lookUp(userId))
                .subscribeOn(Schedulers.boundedElastic())
                .doOnNext(user -> cache.put(userId, new Cached(user, now.plus(properties.cacheFor()))))
                .flatMap(Mono::justOrEmpty)
                .map(user -> recipient(userId, user, defaultLocale, defaultTimeZone));
    }

    private Optional<UserRepresentation> lookUp(UUID userId) {
        try {
            UserRepresentation user = keycloak.realm(properties.realm()).users().get(userId.toString()).toRepresentation();
            boolean reachable = user.isEnabled() && user.getEmail() != null && !user.getEmail().isBlank();
            return reachable ? Optional.of(user) : Optional.empty();
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }

    private static Recipient recipient(UUID id, UserRepresentation user, Locale defaultLocale, ZoneId defaultTimeZone) {
        String name = String.join(" ", List.of(nonNull(user.getFirstName()), nonNull(user.getLastName()))).trim();
        Locale locale = attribute(user, "locale").map(Locale::forLanguageTag).orElse(defaultLocale);
        ZoneId zone = attribute(user, "zoneinfo").flatMap(Recipients::zone).orElse(defaultTimeZone);
        return new Recipient(id, user.getEmail(), name, locale, zone);
    }

    private static Optional<String> attribute(UserRepresentation user, String name) {
        return Optional.ofNullable(user.getAttributes()).map(attributes -> attributes.get(name))
                .filter(values -> !values.isEmpty()).map(values -> values.get(0)).filter(value -> !value.isBlank());
    }

    private static Optional<ZoneId> zone(String id) {
        try {
            return Optional.of(ZoneId.of(id));
        } catch (DateTimeException unknown) {
            return Optional.empty();
        }
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    @Override
    public void destroy() {
        keycloak.close();
    }

    private record Cached(Optional<UserRepresentation> user, Instant until) {
    }
}
