package org.teletherapy.gateway.ratelimit;

import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * One token bucket per caller, in this instance's memory. A bucket that has refilled completely is the same as no
 * bucket, so full ones are dropped now and then: memory follows the callers active in the last seconds.
 */
final class TokenBuckets {

    /** A request's fate: allowed, or refused with how long until a token is back. */
    record Decision(boolean allowed, long remaining, long retryAfterSeconds) {
    }

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long SWEEP_EVERY_NANOS = 60 * NANOS_PER_SECOND;

    private final double tokensPerNano;
    private final int capacity;
    private final LongSupplier nanoTime;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    TokenBuckets(double tokensPerSecond, int capacity, LongSupplier nanoTime) {
        if (tokensPerSecond <= 0 || capacity < 1) {
            throw new IllegalArgumentException("a rate limit needs a positive rate and a burst of at least 1");
        }
        this.tokensPerNano = tokensPerSecond / NANOS_PER_SECOND;
        this.capacity = capacity;
        this.nanoTime = nanoTime;
        this.lastSweep = nanoTime.getAsLong();
    }

    Decision take(String caller) {
        long now = nanoTime.getAsLong();
        sweepIfDue(now);
        return buckets.computeIfAbsent(caller, key -> new Bucket(capacity, now)).take(now);
    }

    int size() {
        return buckets.size();
    }

    private void sweepIfDue(long now) {
        if (now - lastSweep < SWEEP_EVERY_NANOS) {
            return;
        }
        lastSweep = now;
        for (Iterator<Bucket> it = buckets.values().iterator(); it.hasNext(); ) {
            if (it.next().isFullAt(now)) {
                it.remove();
            }
        }
    }

    private final class Bucket {
        private double tokens;
        private long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }

        synchronized Decision take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return new Decision(true, (long) tokens, 0);
            }
            long nanosToNextToken = (long) Math.ceil((1 - tokens) / tokensPerNano);
            return new Decision(false, 0, Math.max(1, (nanosToNextToken + NANOS_PER_SECOND - 1) / NANOS_PER_SECOND));
        }

        synchronized boolean isFullAt(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (now - updated) * tokensPerNano);
            updated = now;
        }
    }
}
