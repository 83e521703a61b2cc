package org.teletherapy.service.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A token is verified once and then known until it expires; nothing that failed is remembered. */
class VerifiedTokenCacheTest {

    static final Instant NOW = Instant.parse("2026-12-02T09:00:00Z");

    final MovableClock clock = new MovableClock(NOW);
    /** Stands for Boot's decoder: counts what it is asked to verify and accepts tokens named "good…". */
    final List<String> verifications = new ArrayList<>();
    final ReactiveJwtDecoder verifier = token -> {
        verifications.add(token);
        return token.startsWith("good")
                ? Mono.just(jwt(token, clock.instant().plus(Duration.ofMinutes(5))))
                : Mono.error(new BadJwtException("signature"));
    };
    final VerifiedTokenCache cache = new VerifiedTokenCache(verifier, 100, Duration.ofMinutes(10), clock);

    @Test
    void theSameTokenIsVerifiedOnceAndAnswersTheSameClaims() {
        Jwt first = cache.decode("good-1").block();
        Jwt second = cache.decode("good-1").block();

        assertThat(verifications).containsExactly("good-1");
        assertThat(second).isSameAs(first);
        assertThat(second.getSubject()).isEqualTo("good-1");
    }

    @Test
    void anExpiredTokenIsVerifiedAgainAndSoRefusedByTheVerifier() {
        cache.decode("good-1").block();
        clock.move(Duration.ofMinutes(5));

        cache.decode("good-1").block();

        assertThat(verifications).containsExactly("good-1", "good-1");
    }

    @Test
    void noEntryOutlivesTheMaximumAgeEvenIfTheTokenDoes() {
        VerifiedTokenCache shortLived = new VerifiedTokenCache(verifier, 100, Duration.ofMinutes(1), clock);
        shortLived.decode("good-1").block();
        clock.move(Duration.ofSeconds(61));

        shortLived.decode("good-1").block();

        assertThat(verifications).hasSize(2);
    }

    @Test
    void aRefusedTokenIsNeverRemembered() {
        assertThatThrownBy(() -> cache.decode("forged").block()).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> cache.decode("forged").block()).isInstanceOf(BadJwtException.class);

        assertThat(verifications).containsExactly("forged", "forged");
        assertThat(cache.size()).isZero();
    }

    @Test
    void anotherTokenOfTheSameUserIsVerifiedOnItsOwn() {
        cache.decode("good-1").block();
        cache.decode("good-2").block();

        assertThat(verifications).containsExactly("good-1", "good-2");
    }

    @Test
    void theCacheStaysWithinItsBound() {
        VerifiedTokenCache small = new VerifiedTokenCache(verifier, 10, Duration.ofMinutes(10), clock);
        for (int i = 0; i < 200; i++) {
            small.decode("good-" + i).block();
        }

        assertThat(small.size()).isLessThanOrEqualTo(10);
    }

    @Test
    void theWrapperTakesEveryDecoderOnceAndNothingElse() throws Exception {
        var wrapper = VerifiedTokenCacheConfiguration.verifiedTokenCacheWrapper(
                new org.springframework.mock.env.MockEnvironment());

        Object wrapped = wrapper.postProcessAfterInitialization(verifier, "jwtDecoder");
        assertThat(wrapped).isInstanceOf(VerifiedTokenCache.class);
        assertThat(wrapper.postProcessAfterInitialization(wrapped, "jwtDecoder")).isSameAs(wrapped);
        Object other = new Object();
        assertThat(wrapper.postProcessAfterInitialization(other, "other")).isSameAs(other);
    }

    private static Jwt jwt(String subject, Instant expiresAt) {
        return Jwt.withTokenValue(subject).header("alg", "RS256").subject(subject)
                .issuedAt(expiresAt.minus(Duration.ofMinutes(5))).expiresAt(expiresAt)
                .claims(claims -> claims.putAll(Map.of("iss", "https://keycloak.example/realms/teletherapy"))).build();
    }

    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
