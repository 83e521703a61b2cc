package org.teletherapy.sessions;

import org.junit.jupiter.api.Test;
import org.teletherapy.testsupport.FeatureBoundaries;

/** Features form no cycle, use each other through their package's public types, and keep to their own tables. */
class FeatureBoundariesTest {

    @Test
    void featuresKeepTheirBoundaries() {
        FeatureBoundaries.of(SessionsApplication.class)
                .owns("booking", "session", "idempotency_key")
                .owns("availability", "availability", "time_off")
                .owns("roster", "roster")
                .owns("calendar", "calendar_feed")
                .owns("erasure", "erasure", "erasure_part")
                .verify();
    }
}
