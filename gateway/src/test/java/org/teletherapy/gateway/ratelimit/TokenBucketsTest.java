package org.teletherapy.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketsTest {

    final AtomicLong now = new AtomicLong(1_000_000_000L);
    final TokenBuckets buckets = new TokenBuckets(2, 3, now::get);

    @Test
    void aCallerGetsTheBurstThenTheSteadyRate() {
        assertThat(buckets.take("a").allowed()).isTrue();
        assertThat(buckets.take("a").allowed()).isTrue();
        assertThat(buckets.take("a").remaining()).isZero();
        TokenBuckets.Decision refused = buckets.take("a");
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);

        now.addAndGet(500_000_000L); // half a second at 2 per second: one token back
        assertThat(buckets.take("a").allowed()).isTrue();
        assertThat(buckets.take("a").allowed()).isFalse();
    }

    @Test
    void callersDoNotShareABucket() {
        for (int i = 0; i < 3; i++) {
            buckets.take("a");
        }
        assertThat(buckets.take("a").allowed()).isFalse();
        assertThat(buckets.take("b").allowed()).isTrue();
    }

    @Test
    void bucketsThatRefilledAreForgottenSoMemoryFollowsActiveCallers() {
        buckets.take("a");
        buckets.take("b");
        assertThat(buckets.size()).isEqualTo(2);
        now.addAndGet(61_000_000_000L);
        buckets.take("c");
        assertThat(buckets.size()).isEqualTo(1);
    }
}
