package org.teletherapy.service.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The resource server's token decoder, verifying each token once: a token that passed every check (signature,
 * issuer, audience, times) is known by the SHA-256 of its text until it expires, and a later request with the same
 * token skips the RSA verification and the parsing. The checks are not weakened: an entry lives no longer than the
 * token's own {@code exp} (without the decoder's clock skew) and at most {@code maximumAge}; a token that failed is
 * never remembered; the cache is bounded. Roles are still read from the token and checked on every request.
 */
final class VerifiedTokenCache implements ReactiveJwtDecoder {

    private final ReactiveJwtDecoder verifier;
    private final Cache<String, Jwt> verified;
    private final Clock clock;

    VerifiedTokenCache(ReactiveJwtDecoder verifier, long maximumSize, Duration maximumAge, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(maximumSize)
                .expireAfter(untilExpiry(maximumAge, clock))
                .ticker(ticker(clock))
                .recordStats()
                .build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        String key = fingerprint(token);
        Jwt known = verified.getIfPresent(key);
        if (known != null && clock.instant().isBefore(known.getExpiresAt())) {
            return Mono.just(known);
        }
        return verifier.decode(token).doOnNext(jwt -> {
            if (jwt.getExpiresAt() != null && clock.instant().isBefore(jwt.getExpiresAt())) {
                verified.put(key, jwt);
            }
        });
    }

    /** Hit ratio, size and evictions as {@code cache.*} meters named {@code verified-tokens}. */
    void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, verified, "verified-tokens");
    }

    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }

    /** The token's SHA-256: the cache holds no bearer token that could be replayed from a heap dump. */
    private static String fingerprint(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private static Expiry<String, Jwt> untilExpiry(Duration maximumAge, Clock clock) {
        return new Expiry<>() {
            @Override
            public long expireAfterCreate(String key, Jwt jwt, long currentTime) {
                Duration left = Duration.between(clock.instant(), jwt.getExpiresAt());
                return Math.max(0, Math.min(left.toNanos(), maximumAge.toNanos()));
            }

            @Override
            public long expireAfterUpdate(String key, Jwt jwt, long currentTime, long currentDuration) {
                return expireAfterCreate(key, jwt, currentTime);
            }

            @Override
            public long expireAfterRead(String key, Jwt jwt, long currentTime, long currentDuration) {
                return currentDuration;
            }
        };
    }

    /** The cache's time is the clock's, so that expiry and the check on a hit agree (and tests can move it). */
    private static Ticker ticker(Clock clock) {
        return () -> {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        };
    }
}
