package org.teletherapy.notifications;

import org.junit.jupiter.api.Test;
import org.teletherapy.testsupport.FeatureBoundaries;

/** Features form no cycle, use each other through their package's public types, and keep to their own tables. */
class FeatureBoundariesTest {

    @Test
    void featuresKeepTheirBoundaries() {
        FeatureBoundaries.of(NotificationsApplication.class)
                .owns("delivery", "delivery")
                .owns("preference", "notification_preference")
                .owns("session", "known_session")
                .owns("safety", "safety_alert")
                .verify();
    }
}
